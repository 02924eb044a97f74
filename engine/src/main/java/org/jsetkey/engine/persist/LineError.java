package org.jsetkey.engine.persist;

import java.util.List;

/** A line-based format rejected a word: where (1-based column, length), what, and what would have fit. */
final class LineError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final int length;
    private final transient List<String> expected;

    LineError(int column, int length, String message, List<String> expected) {
        this(0, column, length, message, expected);
    }

    /** @param line lines after the first line of the entry (0 for a one-line command) */
    LineError(int line, int column, int length, String message, List<String> expected) {
        super(message);
        this.line = line;
        this.column = column;
        this.length = length;
        this.expected = List.copyOf(expected);
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    int length() {
        return length;
    }

    List<String> expected() {
        return expected;
    }
}
