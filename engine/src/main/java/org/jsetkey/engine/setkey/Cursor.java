package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the tokens of a batch. In completion mode, asking for a token at the end of the
 * input throws {@link NeedMore} with what was wanted there: that is how completion falls
 * out of the parser.
 */
final class Cursor {
    /** A warning found while parsing (reported, not an error). */
    record Warning(Token token, String message) {
    }

    private final List<Token> tokens;
    private final boolean completion;
    private final List<Warning> warnings = new ArrayList<>();
    private int index;

    Cursor(List<Token> tokens, boolean completion) {
        this.tokens = tokens;
        this.completion = completion;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peekAhead(int n) {
        return tokens.get(Math.min(index + n, tokens.size() - 1));
    }

    /** The next token without consuming it; in completion mode at the end, what would be expected. */
    Token peek(SlotKind kind, String help, List<String> candidates) {
        Token t = tokens.get(index);
        if (completion && t.kind() == TokenKind.EOF) {
            throw new NeedMore(new Expectation(kind, help, candidates, ""));
        }
        return t;
    }

    Token next(SlotKind kind, String help, List<String> candidates) {
        Token t = peek(kind, help, candidates);
        advance();
        return t;
    }

    Token next() {
        Token t = tokens.get(index);
        advance();
        return t;
    }

    private void advance() {
        if (tokens.get(index).kind() != TokenKind.EOF) {
            index++;
        }
    }

    int index() {
        return index;
    }

    void reset(int i) {
        index = i;
    }

    boolean atEnd() {
        return tokens.get(index).kind() == TokenKind.EOF;
    }

    boolean completion() {
        return completion;
    }

    void warn(Token t, String message) {
        warnings.add(new Warning(t, message));
    }

    List<Warning> warnings() {
        return warnings;
    }

    /** Skips past the next ";" (recovery after an error). */
    void skipStatement() {
        while (true) {
            Token t = tokens.get(index);
            if (t.kind() == TokenKind.EOF) {
                return;
            }
            index++;
            if (t.kind() == TokenKind.SEMICOLON) {
                return;
            }
        }
    }
}
