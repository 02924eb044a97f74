package org.jsetkey.engine.setkey;

import java.util.List;

/**
 * A syntax or meaning error at a token. {@code resumeAt} tells recovery to go on parsing
 * at the offending token (a missing ";") instead of skipping past the next ";".
 */
final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Token token;
    private final List<String> expected;
    private final boolean resumeAt;

    ParseError(Token token, String message, List<String> expected, boolean resumeAt) {
        super(message, null, false, false);
        this.token = token;
        this.expected = List.copyOf(expected);
        this.resumeAt = resumeAt;
    }

    ParseError(Token token, String message) {
        this(token, message, List.of(), false);
    }

    ParseError(Token token, String message, List<String> expected) {
        this(token, message, expected, false);
    }

    Token token() {
        return token;
    }

    List<String> expected() {
        return expected;
    }

    boolean resumeAt() {
        return resumeAt;
    }
}
