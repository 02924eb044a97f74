package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fits text to the terminal width: breaks at blanks, never inside a word, never drops text. */
public final class TextWrap {
    /** An option row of a help text: indented term, two or more blanks, its description. */
    private static final Pattern OPTION_ROW = Pattern.compile("( +\\S+(?: \\S+)*?)( {2,})(\\S.*)");

    private TextWrap() {
    }

    /** Lines of at most {@code width} characters (a longer word gets a line of its own). */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * {@code head} in a column {@code column} wide, {@code text} wrapped beside it; a head that
     * does not fit its column gets its own line(s) and the text starts under the column.
     */
    public static String hanging(String head, int column, String text, int width) {
        StringBuilder sb = new StringBuilder();
        int room = Math.max(20, width - column);
        List<String> body = text.isBlank() ? List.of() : wrap(text, room);
        String indent = " ".repeat(column);
        int first = 0;
        if (head.length() + 2 <= column) {
            sb.append(head).append(" ".repeat(column - head.length()));
            if (!body.isEmpty()) {
                sb.append(body.get(0));
                first = 1;
            }
            sb.append('\n');
        } else {
            sb.append(indented(head, width));
        }
        for (int i = first; i < body.size(); i++) {
            sb.append(indent).append(body.get(i)).append('\n');
        }
        return sb.toString();
    }

    /**
     * One line as is when it fits, else wrapped: an option row's description under its own
     * column, any other line's continuation lines indented two more than the line itself.
     */
    public static String indented(String line, int width) {
        if (line.length() <= width) {
            return line + "\n";
        }
        Matcher row = OPTION_ROW.matcher(line);
        if (row.matches() && row.start(3) <= width / 2) {
            return hanging(row.group(1), row.start(3), row.group(3), width);
        }
        int lead = line.length() - line.stripLeading().length();
        String first = " ".repeat(lead);
        String rest = " ".repeat(lead + 2);
        StringBuilder sb = new StringBuilder();
        List<String> parts = wrap(line, Math.max(20, width - lead - 2));
        for (int i = 0; i < parts.size(); i++) {
            sb.append(i == 0 ? first : rest).append(parts.get(i)).append('\n');
        }
        return sb.toString();
    }

    /**
     * A help text, each line behind {@code indent}, fitted to {@code width}. The text is written
     * wrapped at about 95 columns: an unindented line that does not end a sentence (with '.' or
     * ':') continues on the next unindented line, so such a run is one paragraph, filled anew.
     * Indented lines (examples, option rows) keep their own line.
     */
    public static String help(String text, String indent, int width) {
        StringBuilder sb = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\n")) {
            boolean prose = !line.isBlank() && !Character.isWhitespace(line.charAt(0));
            if (!prose) {
                flush(paragraph, indent, width, sb);
                sb.append(indented(indent + line, width));
                continue;
            }
            paragraph.append(paragraph.length() > 0 ? " " : "").append(line.strip());
            if (line.endsWith(".") || line.endsWith(":")) {
                flush(paragraph, indent, width, sb);
            }
        }
        flush(paragraph, indent, width, sb);
        return sb.toString();
    }

    private static void flush(StringBuilder paragraph, String indent, int width, StringBuilder sb) {
        if (paragraph.length() == 0) {
            return;
        }
        for (String line : wrap(paragraph.toString(), Math.max(20, width - indent.length()))) {
            sb.append(indent).append(line).append('\n');
        }
        paragraph.setLength(0);
    }

    /** The first sentence of a help text's first paragraph (lines up to one that starts indented). */
    public static String summary(String help) {
        StringBuilder para = new StringBuilder();
        for (String line : help.split("\n")) {
            if (para.length() > 0 && (line.isBlank() || Character.isWhitespace(line.charAt(0)))) {
                break;
            }
            para.append(para.length() > 0 ? " " : "").append(line.strip());
        }
        String text = para.toString();
        for (int i = text.indexOf(". "); i >= 0; i = text.indexOf(". ", i + 1)) {
            String before = text.substring(0, i + 1);
            if (!before.endsWith("e.g.") && !before.endsWith("i.e.") && !before.endsWith("..")) {
                return before;
            }
        }
        return text;
    }
}
