package org.jsetkey.shell.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.setkey.Lexer;
import org.jsetkey.engine.setkey.LiveCheck;
import org.jsetkey.engine.setkey.Token;
import org.jsetkey.engine.setkey.TokenKind;
import org.jsetkey.shell.command.CommandRegistry;

/**
 * Colours for the line being typed: keywords, options, addresses, numbers, keys and strings,
 * comments, and the first syntax error, found with the setkey lexer and grammar (for setkey
 * statements) or the command's words (for other commands).
 */
public final class Highlighting {
    /** What a stretch of the line is. */
    public enum Role { KEYWORD, OPTION, ADDRESS, NUMBER, KEY, COMMENT, ERROR }

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) have {@code role}; errors carry a message. */
    public record Span(int start, int end, Role role, String message) {
    }

    private final CommandRegistry registry;

    public Highlighting(CommandRegistry registry) {
        this.registry = registry;
    }

    /** The spans of {@code line} in order; an error span comes last and wins where it overlaps. */
    public List<Span> spans(String line) {
        String first = firstWord(line);
        if (Grammar.statement(first).isPresent()) {
            return setkey(line);
        }
        return command(line, first);
    }

    private static List<Span> setkey(String text) {
        List<Span> out = new ArrayList<>();
        List<Token> tokens = Lexer.lex(text).tokens();
        int gapStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            comments(text, gapStart, t.offset(), out);
            gapStart = t.end();
            Role r = role(tokens, i);
            if (r != null && t.length() > 0) {
                out.add(new Span(t.offset(), t.end(), r, null));
            }
        }
        Optional<LiveCheck.Problem> problem = LiveCheck.firstError(text);
        problem.ifPresent(p -> out.add(new Span(p.offset(), Math.min(text.length(), p.offset() + p.length()),
                Role.ERROR, p.message())));
        return out;
    }

    private static Role role(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        switch (t.kind()) {
            case WORD:
                return t.text().equals("localhost") || IpAddress.tryParse(t.text()) != null
                        ? Role.ADDRESS : Role.KEYWORD;
            case DECIMAL:
            case DIGIT_LIST:
                return Role.NUMBER;
            case HEX:
                return isKey(tokens, i) ? Role.KEY : Role.NUMBER;
            case STRING:
                return Role.KEY;
            case OPTION:
                return Role.OPTION;
            case POLICY_WORD:
                return Role.KEYWORD;
            case ERROR:
                return t.text().startsWith("\"") ? Role.KEY : Role.ERROR;
            default:
                return null;
        }
    }

    /** A hex word right after "-E alg" or "-A alg" is key material. */
    private static boolean isKey(List<Token> tokens, int i) {
        return i >= 2 && tokens.get(i - 1).is(TokenKind.WORD)
                && (tokens.get(i - 2).isOption(AlgorithmKind.ENCRYPT.option())
                || tokens.get(i - 2).isOption(AlgorithmKind.AUTH.option()));
    }

    /** Text the lexer skipped that is not blank is a comment running to the end of its line. */
    private static void comments(String text, int from, int to, List<Span> out) {
        int i = from;
        while (i < to) {
            if (text.charAt(i) == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 || end > to ? to : end;
                out.add(new Span(i, end, Role.COMMENT, null));
                i = end;
            } else {
                i++;
            }
        }
    }

    private List<Span> command(String line, String first) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        boolean firstWord = true;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                out.add(new Span(i, line.length(), Role.COMMENT, null));
                break;
            }
            int end = wordEnd(line, i);
            String w = line.substring(i, end);
            if (firstWord) {
                boolean known = registry.find(first).isPresent();
                if (known) {
                    out.add(new Span(i, end, Role.KEYWORD, null));
                } else if (end < line.length()) {
                    out.add(new Span(i, end, Role.ERROR, "unknown command: " + w));
                }
                firstWord = false;
            } else {
                Role r = wordRole(w);
                if (r != null) {
                    out.add(new Span(i, end, r, null));
                }
            }
            i = end;
        }
        return out;
    }

    private static Role wordRole(String w) {
        if (w.startsWith("\"") || w.startsWith("'")) {
            return Role.KEY;
        }
        if (w.startsWith("-") && w.length() > 1 && !Character.isDigit(w.charAt(1))) {
            return Role.OPTION;
        }
        if (IpAddress.tryParse(w) != null) {
            return Role.ADDRESS;
        }
        if (w.matches("-?[0-9]+(\\.[0-9]+)?|0x[0-9a-fA-F]+")) {
            return Role.NUMBER;
        }
        return null;
    }

    private static int wordEnd(String line, int start) {
        char q = line.charAt(start);
        if (q == '"' || q == '\'') {
            int close = line.indexOf(q, start + 1);
            return close < 0 ? line.length() : close + 1;
        }
        int i = start;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String firstWord(String line) {
        String s = line.stripLeading();
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ';') {
            i++;
        }
        return s.substring(0, i);
    }
}
