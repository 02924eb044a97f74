package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a line-based format (a {@code sysctl} line, an {@code ip xfrm} command, a
 * sequence mark) as words with their columns. A word in double or single quotes (as a shell
 * would take it) may hold blanks and may be empty ({@code ""}); a {@code #} starting a word ends
 * the line.
 */
final class LineWords {
    /**
     * A word and its 1-based column; {@code quoted} when it was written in quotes; {@code line}
     * counts lines from the first line of the entry (0 for a one-line command).
     */
    record Word(String text, int column, int length, boolean quoted, int line) {
        Word(String text, int column, int length, boolean quoted) {
            this(text, column, length, quoted, 0);
        }

        /** The same place holding other text (a listing word read as the command word it stands for). */
        Word as(String other) {
            return new Word(other, column, length, quoted, line);
        }
    }

    private final List<Word> words;
    private final int endColumn;
    private final int endLine;
    private int next;

    private LineWords(List<Word> words, int endColumn, int endLine) {
        this.words = words;
        this.endColumn = endColumn;
        this.endLine = endLine;
    }

    /** Words gathered from several lines; a missing word is reported after the last one. */
    static LineWords of(List<Word> words) {
        Word last = words.get(words.size() - 1);
        return new LineWords(List.copyOf(words), last.column() + last.length(), last.line());
    }

    static LineWords split(String line) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                if (close < 0) {
                    throw new LineError(i + 1, n - i, "unterminated " + c + " quote", List.of());
                }
                out.add(new Word(line.substring(i + 1, close), i + 1, close - i + 1, true));
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                out.add(new Word(line.substring(start, i), start + 1, i - start, false));
            }
        }
        return new LineWords(out, line.stripTrailing().length() + 1, 0);
    }

    boolean atEnd() {
        return next >= words.size();
    }

    Word peek() {
        return atEnd() ? null : words.get(next);
    }

    /** The next word; at the end of the line an error saying what was expected. */
    Word next(String what, List<String> expected) {
        if (atEnd()) {
            throw new LineError(endLine, endColumn, 1, "missing " + what, expected);
        }
        return words.get(next++);
    }

    /** The next word, which must be {@code keyword}. */
    Word expect(String keyword) {
        Word w = next(keyword, List.of(keyword));
        if (!w.text().equals(keyword)) {
            throw error(w, "unexpected \"" + w.text() + "\"", List.of(keyword));
        }
        return w;
    }

    static LineError error(Word w, String message, List<String> expected) {
        return new LineError(w.line(), w.column(), Math.max(1, w.length()), message, expected);
    }
}
