package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first syntax error in text that is still being typed, with where it stands, so a
 * line editor can mark it before Enter. Statements are checked by the same grammar walk
 * as {@link Grammar#expectedAt}: running out of input is fine, a wrong token is not. The
 * word touching the end is unfinished; it counts as wrong only where the grammar allows a
 * closed list of words and none of them starts with it.
 */
public final class LiveCheck {
    /** Slots whose valid words are all known, so a prefix matching none of them is already wrong. */
    private static final Set<SlotKind> CLOSED = EnumSet.of(SlotKind.STATEMENT, SlotKind.SA_PROTOCOL,
            SlotKind.ENC_ALGORITHM, SlotKind.AUTH_ALGORITHM, SlotKind.COMP_ALGORITHM, SlotKind.MODE,
            SlotKind.PAD_FLAG, SlotKind.DIRECTION);

    /** An error at {@code offset} (a character index into the text), {@code length} characters long. */
    public record Problem(int offset, int length, String message) {
    }

    private LiveCheck() {
    }

    public static Optional<Problem> firstError(String text) {
        Lexer.Lexed lexed = Lexer.lex(text);
        Map<Token, String> lexErrors = new HashMap<>();
        lexed.errors().forEach(e -> lexErrors.putIfAbsent(e.token(), e.message()));
        List<Token> tokens = new ArrayList<>(lexed.tokens());
        Token eof = tokens.remove(tokens.size() - 1);
        Token partial = null;
        if (!tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            if (last.end() == text.length() && last.kind() != TokenKind.SEMICOLON
                    && last.kind() != TokenKind.STRING) {
                partial = tokens.remove(tokens.size() - 1);
            }
        }
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean end = i == tokens.size();
            if (end || tokens.get(i).is(TokenKind.SEMICOLON)) {
                Optional<Problem> p = check(tokens.subList(start, end ? i : i + 1), eof, lexErrors);
                if (p.isPresent()) {
                    return p;
                }
                start = i + 1;
            }
        }
        return partial == null ? Optional.empty() : checkPartial(text, partial, lexErrors);
    }

    private static Optional<Problem> check(List<Token> statement, Token eof, Map<Token, String> lexErrors) {
        if (statement.isEmpty() || statement.size() == 1 && statement.get(0).is(TokenKind.SEMICOLON)) {
            return Optional.empty();
        }
        for (Token t : statement) {
            if (t.is(TokenKind.ERROR)) {
                return Optional.of(problem(t, lexErrors.getOrDefault(t, "unreadable input " + t.quoted())));
            }
        }
        List<Token> withEnd = new ArrayList<>(statement);
        withEnd.add(eof);
        try {
            Parser.statement(new Cursor(withEnd, true));
            return Optional.empty();
        } catch (NeedMore more) {
            return Optional.empty();
        } catch (ParseError e) {
            if (e.token().is(TokenKind.EOF)) {
                return Optional.empty();
            }
            return Optional.of(problem(e.token(), e.getMessage()));
        }
    }

    private static Optional<Problem> checkPartial(String text, Token partial, Map<Token, String> lexErrors) {
        if (partial.is(TokenKind.ERROR)) {
            // an unterminated string is a key still being typed, "-l" may become "-lh"
            String w = partial.text();
            boolean unfinished = w.startsWith("\"") || w.startsWith("-")
                    && Lexer.OPTIONS.stream().anyMatch(o -> o.startsWith(w));
            String message = lexErrors.getOrDefault(partial, "unreadable input " + partial.quoted());
            return unfinished ? Optional.empty() : Optional.of(problem(partial, message));
        }
        Expectation e = Grammar.expectedAt(text);
        if (CLOSED.contains(e.kind()) && e.candidates().isEmpty()) {
            return Optional.of(problem(partial, "no " + e.help() + " starts with " + partial.quoted()));
        }
        return Optional.empty();
    }

    private static Problem problem(Token t, String message) {
        return new Problem(t.offset(), Math.max(1, t.length()), message);
    }
}
