package org.jsetkey.engine.setkey;

/**
 * What a diagnostic shows of its source line: at most {@link #WIDTH} columns around the column,
 * {@code …} where the line goes on, and every control character or undecodable byte escaped
 * ({@code \x00}, {@code \e}, {@code \xff}) so input cannot drive the terminal. Built in time
 * proportional to what it shows, however long the line.
 *
 * @param text       the line as shown
 * @param caretAt    display columns before the caret (tabs count as one and are copied)
 * @param caretWidth display columns the caret and its tildes cover, at least 1
 */
public record Excerpt(String text, int caretAt, int caretWidth) {
    /** The most columns of a line a diagnostic shows (an escaped character takes 2 to 6). */
    public static final int WIDTH = 100;
    /** How many columns before the column a cut line keeps. */
    private static final int BEFORE = 40;
    /** The most characters of a token a message quotes. */
    public static final int QUOTE = 40;
    static final String MORE = "…";

    /** The excerpt of {@code line} around 1-based {@code column}, marking {@code length} characters. */
    public static Excerpt of(String line, int column, int length) {
        int n = line.length();
        int at = Math.max(0, Math.min(column - 1, n));
        int start = at;
        int used = 0;
        while (start > 0 && used + width(line.charAt(start - 1)) <= BEFORE) {
            used += width(line.charAt(--start));
        }
        int end = at;
        while (end < n && (end == at || used + width(line.charAt(end)) <= WIDTH)) {
            used += width(line.charAt(end++));
        }
        while (start > 0 && used + width(line.charAt(start - 1)) <= WIDTH) {
            used += width(line.charAt(--start));
        }
        StringBuilder sb = new StringBuilder();
        if (start > 0) {
            sb.append(MORE);
        }
        int caretAt = -1;
        int caretEnd = -1;
        int markEnd = Math.min(end, at + Math.max(1, length));
        for (int i = start; i < end; i++) {
            if (i == at) {
                caretAt = sb.length();
            }
            append(sb, line.charAt(i), true);
            if (i == markEnd - 1) {
                caretEnd = sb.length();
            }
        }
        if (caretAt < 0) {
            caretAt = sb.length();
        }
        if (end < n) {
            sb.append(MORE);
        }
        int width = caretEnd > caretAt ? caretEnd - caretAt : 1;
        return new Excerpt(sb.toString(), caretAt, width);
    }

    /** How many columns {@code c} takes once escaped. */
    private static int width(char c) {
        StringBuilder sb = new StringBuilder(6);
        append(sb, c, true);
        return sb.length();
    }

    /** The source line and the caret line under it. */
    public String render() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (int i = 0; i < caretAt; i++) {
            sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append('^');
        for (int i = 1; i < caretWidth; i++) {
            sb.append('~');
        }
        return sb.toString();
    }

    /** {@code s} with every control character and undecodable byte escaped (a tab too). */
    public static String escape(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            append(sb, s.charAt(i), false);
        }
        return sb.toString();
    }

    /** {@code "text"} for a message: escaped, and cut to {@link #QUOTE} characters with {@code …}. */
    public static String quote(String text) {
        boolean cut = text.length() > QUOTE;
        return "\"" + escape(cut ? text.substring(0, QUOTE) : text) + (cut ? MORE : "") + "\"";
    }

    private static void append(StringBuilder sb, char c, boolean keepTab) {
        int raw = RawText.escapedByte(c);
        if (raw >= 0) {
            hex(sb.append("\\x"), raw, 2);
        } else if (c == '\t' && keepTab) {
            sb.append(c);
        } else if (c == 0x1b) {
            sb.append("\\e");
        } else if (c < 0x20 || c == 0x7f) {
            hex(sb.append("\\x"), c, 2);
        } else if (c >= 0x80 && c < 0xa0) {
            hex(sb.append("\\u"), c, 4);
        } else {
            sb.append(c);
        }
    }

    private static void hex(StringBuilder sb, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit(value >> shift & 0xf, 16));
        }
    }
}
