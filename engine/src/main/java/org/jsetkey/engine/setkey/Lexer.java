package org.jsetkey.engine.setkey;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The setkey tokenizer (architecture.md §1): longest match, lower-case keywords as plain words,
 * {@code #} comments anywhere outside strings, and the policy text after {@code -P} split
 * into blank-separated pieces up to the next {@code ;}. It never stops: what it cannot read
 * becomes an {@link TokenKind#ERROR} token plus an error, so all problems of a batch are found.
 */
public final class Lexer {

    /** Options the tokenizer knows; any other {@code -word} is a lexical error. */
    public static final Set<String> OPTIONS = Set.of("-m", "-r", "-u", "-f", "-lh", "-ls", "-bh", "-bs", "-ctx",
            "-natt", "-natt_mtu", "-E", "-A", "-C", "-R", "-P");

    /** A lexical error at a token. */
    public record LexError(Token token, String message) {
    }

    /** The tokens (ending with EOF) and the lexical errors. */
    public record Lexed(List<Token> tokens, List<LexError> errors) {
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<LexError> errors = new ArrayList<>();
    private final List<LexError> notes = new ArrayList<>();
    /** The last string that ran across a line break, and where it closed (line:column). */
    private Token spanning;
    private String spanningEnd;
    private int pos;
    private int line = 1;
    private int col = 1;
    private boolean policyMode;
    private boolean ended;
    private Token last;

    private Lexer(String text) {
        this.text = text;
    }

    public static Lexed lex(String text) {
        Lexer l = new Lexer(text);
        l.run();
        return new Lexed(List.copyOf(l.tokens), List.copyOf(l.errors));
    }

    /**
     * The tokens of {@code text} made as they are asked for, for a parser that reads a batch
     * statement by statement: a big file's tokens then die young instead of all living until the
     * end of the parse.
     */
    static Stream stream(String text) {
        return new Stream(new Lexer(text));
    }

    /** A lazily lexed token list; {@link #releaseBefore} drops the tokens a reader is done with. */
    static final class Stream extends AbstractList<Token> {
        private final Lexer lexer;
        private int released;

        private Stream(Lexer lexer) {
            this.lexer = lexer;
        }

        @Override
        public Token get(int index) {
            if (index < released) {
                throw new IllegalStateException("token " + index + " was released");
            }
            while (index >= lexer.tokens.size() && !lexer.ended) {
                lexer.step();
            }
            return lexer.tokens.get(index);
        }

        /** Lexes to the end: the number of tokens including EOF. */
        @Override
        public int size() {
            lexer.run();
            return lexer.tokens.size();
        }

        void releaseBefore(int index) {
            for (; released < index; released++) {
                lexer.tokens.set(released, null);
            }
        }

        /** Warnings: strings that run across a line break. */
        List<LexError> notes() {
            return List.copyOf(lexer.notes);
        }

        int errorCount() {
            return lexer.errors.size();
        }

        /** The lexical errors met so far (all of them once EOF has been read). */
        List<LexError> errors() {
            return List.copyOf(lexer.errors);
        }
    }

    /** True for {@code -4}, {@code -6}, {@code -n} and their combinations ({@code -46n}). */
    public static boolean isAiflags(String option) {
        return option.length() > 1 && option.charAt(0) == '-' && option.substring(1).chars()
                .allMatch(c -> c == '4' || c == '6' || c == 'n');
    }

    private void run() {
        while (!ended) {
            step();
        }
    }

    /** Reads what stands at the current position: one token, a blank, a comment; at the end, EOF. */
    private void step() {
        int n = text.length();
        if (pos >= n) {
            add(endOfInput());
            ended = true;
            return;
        }
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
            advance(1);
        } else if (policyMode) {
            policyToken(c);
        } else if (c == '#') {
            while (pos < n && text.charAt(pos) != '\n') {
                advance(1);
            }
        } else if (c == ';') {
            emit(TokenKind.SEMICOLON, 1, ";");
        } else if (c == '/') {
            emit(TokenKind.SLASH, 1, "/");
        } else if (c == '[') {
            emit(TokenKind.LBRACKET, 1, "[");
        } else if (c == ']') {
            emit(TokenKind.RBRACKET, 1, "]");
        } else if (c == '"') {
            string();
        } else if (c == '-') {
            option();
        } else if (wordStart(c)) {
            word();
        } else {
            error(1, "unexpected character " + Excerpt.quote(String.valueOf(c)));
        }
    }

    private void add(Token t) {
        tokens.add(t);
        last = t;
    }

    /** EOF sits just after the last token, so "missing ;" points at the end of the statement, not past blank lines. */
    private Token endOfInput() {
        if (last != null) {
            String covered = text.substring(last.offset(), Math.min(text.length(), last.offset() + last.length()));
            if (covered.indexOf('\n') < 0) {
                return new Token(TokenKind.EOF, "", last.line(), last.column() + last.length(), pos, 0);
            }
        }
        return new Token(TokenKind.EOF, "", line, col, pos, 0);
    }

    private void policyToken(char c) {
        if (c == ';') {
            policyMode = false;
            emit(TokenKind.SEMICOLON, 1, ";");
            return;
        }
        if (!policyChar(c)) {
            error(1, "unexpected character " + Excerpt.quote(String.valueOf(c)) + " in policy");
            return;
        }
        int end = pos;
        while (end < text.length() && policyChar(text.charAt(end))) {
            end++;
        }
        emit(TokenKind.POLICY_WORD, end - pos, text.substring(pos, end));
    }

    private void string() {
        int close = text.indexOf('"', pos + 1);
        if (close < 0) {
            String message = "unterminated string";
            if (spanning != null) {
                message += "; the string opened at " + spanning.line() + ":" + spanning.column()
                        + " ran across the line break and closed at " + spanningEnd
                        + ", so the quote here opens a new one";
            }
            errors.add(new LexError(new Token(TokenKind.ERROR, "\"", line, col, pos, 1), message));
            add(new Token(TokenKind.ERROR, text.substring(pos), line, col, pos, text.length() - pos));
            advance(text.length() - pos);
            return;
        }
        Token opening = new Token(TokenKind.STRING, "\"", line, col, pos, 1);
        emit(TokenKind.STRING, close + 1 - pos, text.substring(pos + 1, close));
        if (opening.line() != line) {
            // legal, as in FreeBSD's lexer, but a stray quote reads this way: say where it began
            spanning = opening;
            spanningEnd = line + ":" + (col - 1);
            notes.add(new LexError(opening, "string runs across a line break: it opens here and closes at "
                    + spanningEnd));
        }
    }

    private void option() {
        int end = pos + 1;
        while (end < text.length() && text.charAt(end) < 128
                && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        String opt = text.substring(pos, end);
        if (OPTIONS.contains(opt) || isAiflags(opt)) {
            emit(TokenKind.OPTION, end - pos, opt);
            policyMode = opt.equals("-P");
        } else if (opt.length() == 1) {
            error(1, "unexpected character \"-\"");
        } else {
            error(end - pos, "unknown option " + Excerpt.quote(opt));
        }
    }

    private void word() {
        int n = text.length();
        if (Character.isDigit(text.charAt(pos))) {
            int end = pos;
            while (end < n && (isDigit(text.charAt(end)) || text.charAt(end) == ',')) {
                end++;
            }
            String run = text.substring(pos, end);
            if (run.indexOf(',') >= 0 && (end == n || !wordChar(text.charAt(end)))) {
                emit(TokenKind.DIGIT_LIST, end - pos, run);
                return;
            }
        }
        int end = pos;
        while (end < n && wordChar(text.charAt(end))) {
            end++;
        }
        String w = text.substring(pos, end);
        emit(classify(w), end - pos, w);
    }

    private static TokenKind classify(String w) {
        if (all(w, 0, false)) {
            return TokenKind.DECIMAL;
        }
        if (w.length() > 2 && (w.startsWith("0x") || w.startsWith("0X")) && all(w, 2, true)) {
            return TokenKind.HEX;
        }
        return TokenKind.WORD;
    }

    /** True when every character from {@code from} is an ASCII decimal (or hex) digit. */
    private static boolean all(String w, int from, boolean hex) {
        for (int i = from; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean ok = isDigit(c) || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void emit(TokenKind kind, int length, String tokenText) {
        add(new Token(kind, tokenText, line, col, pos, length));
        advance(length);
    }

    private void error(int length, String message) {
        Token t = new Token(TokenKind.ERROR, text.substring(pos, pos + length), line, col, pos, length);
        add(t);
        errors.add(new LexError(t, message));
        advance(length);
    }

    private void advance(int count) {
        for (int i = 0; i < count; i++) {
            if (text.charAt(pos) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean wordStart(char c) {
        return letter(c) || isDigit(c) || c == ':';
    }

    private static boolean wordChar(char c) {
        return wordStart(c) || c == '.' || c == '%' || c == '-';
    }

    private static boolean policyChar(char c) {
        return letter(c) || isDigit(c) || ":.-_/%+[]".indexOf(c) >= 0;
    }
}
