package org.jsetkey.engine.setkey;

import java.util.List;

/**
 * Keeps key material out of error messages: the source line a diagnostic shows gets each key
 * (the grammar's KEY slot after {@code -E ALG} and {@code -A ALG}) replaced by {@code *}, the
 * {@code 0x} prefix and the quotes kept, so the caret still lines up under it. A key on a
 * line of its own, its algorithm on the line before, has no option on its line to be
 * recognised by and is masked whole when it is a hex number or a string at the line's start.
 */
public final class KeyMask {
    /** The last line masked: the diagnostics of one long line share it, so it is lexed once, not once each. */
    private record Masked(String line, String masked) {
    }

    private static volatile Masked last = new Masked("", "");

    private KeyMask() {
    }

    /** Past this length a line is masked only around the column it is shown at. */
    private static final int LONG = 4096;

    /**
     * The part of {@code line} a diagnostic at 1-based {@code column} shows, keys masked: the whole
     * line, or for a long one {@link #LONG} characters around the column with the first token
     * masked too (it may be the tail of a key whose option was cut off). {@code offset} of the
     * result is where it starts in the line.
     */
    static Window around(String line, int column) {
        if (line.length() <= LONG) {
            return new Window(line(line), 0);
        }
        int from = Math.max(0, Math.min(column - 1 - LONG / 2, line.length() - LONG));
        String part = line.substring(from, Math.min(line.length(), from + LONG));
        return new Window(mask(part, from > 0), from);
    }

    /** Masked text and where it starts in its line. */
    record Window(String text, int offset) {
    }

    /** {@code line} with its keys masked. */
    public static String line(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        Masked m = last;
        if (m.line() == line) {
            return m.masked();
        }
        String masked = mask(line, false);
        last = new Masked(line, masked);
        return masked;
    }

    private static String mask(String line, boolean cut) {
        List<Token> tokens = Lexer.lex(line).tokens();
        char[] chars = line.toCharArray();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i == 0 && (t.is(TokenKind.HEX) || t.is(TokenKind.STRING)
                    || cut && !t.is(TokenKind.OPTION) && !t.is(TokenKind.SEMICOLON))) {
                mask(chars, t);
            }
            Token key = keyAfter(tokens, i);
            if (key != null) {
                mask(chars, key);
            }
        }
        return new String(chars);
    }

    /**
     * True when {@code text} holds key material: some option with a key slot ({@code -E ALG KEY},
     * {@code -A ALG KEY}) is followed by its key. What the console keeps out of its history.
     */
    public static boolean hasKey(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        List<Token> tokens = Lexer.lex(text).tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (keyAfter(tokens, i) != null) {
                return true;
            }
        }
        return false;
    }

    /** The key token when token {@code i} is an option with a key slot and the key is there; else null. */
    private static Token keyAfter(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        int keyAt = t.is(TokenKind.OPTION) ? keySlot(t.text()) : -1;
        if (keyAt < 0 || i + 1 + keyAt >= tokens.size()) {
            return null;
        }
        Token key = tokens.get(i + 1 + keyAt);
        return key.is(TokenKind.OPTION) || key.is(TokenKind.SEMICOLON) || key.is(TokenKind.EOF) ? null : key;
    }

    /** Where the key is among the option's arguments, or -1 for an option without a key. */
    private static int keySlot(String option) {
        for (OptionSpec spec : Grammar.algorithmOptions()) {
            if (spec.option().equals(option)) {
                return spec.arguments().indexOf(SlotKind.KEY);
            }
        }
        return -1;
    }

    private static void mask(char[] chars, Token t) {
        int from = t.offset();
        int to = Math.min(chars.length, t.offset() + t.length());
        if (t.is(TokenKind.HEX) || (to - from > 2 && (chars[from + 1] == 'x' || chars[from + 1] == 'X')
                && chars[from] == '0')) {
            from += 2;
        } else if (chars[from] == '"') {
            from++;
            if (to - 1 > from && chars[to - 1] == '"') {
                to--;
            }
        }
        for (int i = from; i < to; i++) {
            chars[i] = '*';
        }
    }
}
