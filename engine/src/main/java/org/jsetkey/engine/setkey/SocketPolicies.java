package org.jsetkey.engine.setkey;

import java.util.List;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.stack.SocketPolicy;

/**
 * Per-socket policies as FreeBSD's {@code ping -P} takes them
 * ({@code "out ipsec esp/transport//require"}, {@code "out bypass"}): the text after
 * {@code -P} in spdadd, read by the same policy reader.
 */
public final class SocketPolicies {
    private SocketPolicies() {
    }

    /** A parsed socket policy and the direction it was given for. */
    public record Parsed(Direction direction, SocketPolicy policy) {
    }

    /**
     * @throws IllegalArgumentException {@code policy "TEXT": MESSAGE at column N (expected: ...)}
     */
    public static Parsed parse(String text) {
        String prefix = "-P ";
        Lexer.Lexed lexed = Lexer.lex(prefix + text + ";");
        if (!lexed.errors().isEmpty()) {
            Lexer.LexError e = lexed.errors().get(0);
            throw error(text, e.message(), e.token(), prefix, List.of());
        }
        Cursor c = new Cursor(lexed.tokens(), false);
        PolicyPart part;
        try {
            part = PolicyReader.read(c, false);
        } catch (ParseError e) {
            throw error(text, e.getMessage(), e.token(), prefix, e.expected());
        }
        Token end = c.next();
        if (!end.is(TokenKind.SEMICOLON)) {
            throw error(text, "unexpected " + end.quoted() + " after the policy", end, prefix, List.of());
        }
        if (part.priority() != null) {
            throw error(text, "a socket policy has no priority", part.actionToken(), prefix, List.of());
        }
        if (part.direction() != Direction.IN && part.direction() != Direction.OUT) {
            throw error(text, "direction " + part.direction().keyword() + " does not apply to a socket",
                    part.actionToken(), prefix, Keywords.words(Direction.IN, Direction.OUT));
        }
        return new Parsed(part.direction(), new SocketPolicy(part.action(), part.rules()));
    }

    private static IllegalArgumentException error(String text, String message, Token at, String prefix,
                                                  List<String> expected) {
        int column = at == null ? 1 : Math.max(1, Math.min(at.column() - prefix.length(), text.length() + 1));
        String exp = expected.isEmpty() ? "" : " (expected: " + String.join(", ", expected) + ")";
        return new IllegalArgumentException("policy \"" + text + "\": " + message + " at column " + column + exp);
    }
}
