package org.jsetkey.engine.setkey;

/**
 * One token with where it stands: 1-based line and column, offset and length in the
 * source (a quoted string's length includes its quotes, its text does not).
 */
public record Token(TokenKind kind, String text, int line, int column, int offset, int length) {

    public boolean isWord(String word) {
        return kind == TokenKind.WORD && text.equals(word);
    }

    public boolean isOption(String option) {
        return kind == TokenKind.OPTION && text.equals(option);
    }

    public boolean is(TokenKind k) {
        return kind == k;
    }

    public int end() {
        return offset + length;
    }

    /** How messages quote the token. */
    public String quoted() {
        switch (kind) {
            case EOF:
                return "end of input";
            case SEMICOLON:
                return "\";\"";
            default:
                return Excerpt.quote(text);
        }
    }
}
