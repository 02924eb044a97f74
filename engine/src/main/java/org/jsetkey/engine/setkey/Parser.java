package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.setkey.stmt.Statement;

/**
 * Parses a batch of setkey text by walking the {@link Grammar} declarations. Every error
 * of the batch is collected (recovery skips to the next ";"); warnings come along.
 */
public final class Parser {

    /** A statement and where its keyword stands. */
    public record Parsed(Statement statement, SourcePos pos, String sourceLine) {
    }

    /** The statements that parsed and every diagnostic (errors and warnings) in source order. */
    public record Result(List<Parsed> statements, List<Diagnostic> diagnostics) {
        public Result {
            statements = List.copyOf(statements);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        }

        public List<Statement> statementsOnly() {
            return statements.stream().map(Parsed::statement).toList();
        }
    }

    private Parser() {
    }

    /**
     * Every error and warning of {@code text}, or, past {@link BoundedListener#LIMIT} errors, the
     * first ones: the rest of a file of junk is not read.
     */
    public static Result parse(String text, String file) {
        Lexer.Stream tokens = Lexer.stream(text);
        Source src = new Source(file, text);
        List<Diagnostic> diags = new ArrayList<>();
        Cursor c = new Cursor(tokens, false);
        List<Parsed> out = new ArrayList<>();
        while (!c.atEnd() && diags.size() + tokens.errorCount() <= BoundedListener.LIMIT) {
            // statement by statement: the tokens of those done are garbage (bulk loads)
            tokens.releaseBefore(c.index());
            Token first = c.peek();
            if (first.is(TokenKind.SEMICOLON)) {
                // KAME's and ipsec-tools' grammars have no empty statement: setkey rejects "flush;;"
                diags.add(src.error(first, "syntax error at \";\": empty statement", Grammar.statementNames()));
                c.next();
                continue;
            }
            if (hasLexError(tokens, c.index())) {
                c.skipStatement();
                continue;
            }
            int start = c.index();
            try {
                Statement s = statement(c);
                out.add(new Parsed(s, src.pos(first), src.line(first.line())));
            } catch (ParseError e) {
                diags.add(src.error(e.token(), e.getMessage(), e.expected()));
                int at = indexOf(tokens, e.token(), start);
                c.reset(at);
                if (!e.resumeAt() || at == start) {
                    c.skipStatement();
                }
            }
        }
        for (Lexer.LexError e : tokens.errors()) {
            diags.add(src.error(e.token(), e.message(), List.of()));
        }
        for (Lexer.LexError n : tokens.notes()) {
            diags.add(src.diagnostic(Diagnostic.Severity.WARNING, n.token(), n.message(), List.of()));
        }
        for (Cursor.Warning w : c.warnings()) {
            diags.add(src.diagnostic(Diagnostic.Severity.WARNING, w.token(), w.message(), List.of()));
        }
        diags.sort(Diagnostic.SOURCE_ORDER);
        return new Result(out, diags);
    }

    /** Parses one statement at the cursor (its keyword first). */
    static Statement statement(Cursor c) {
        List<String> names = Grammar.statementNames();
        Token kw = c.next(SlotKind.STATEMENT, "a setkey statement", names);
        if (!kw.is(TokenKind.WORD)) {
            throw new ParseError(kw, "syntax error at " + kw.quoted() + ": expected a statement", names);
        }
        StatementSpec spec = Grammar.statement(kw.text()).orElseThrow(() -> new ParseError(kw,
                "unknown statement " + kw.quoted() + (names.contains(kw.text().toLowerCase(Locale.ROOT))
                        ? " (statement words are lower case)" : ""), names));
        if (kw.text().equals("spdadd") && c.peek().isWord("tagged")) {
            throw new ParseError(c.peek(), "spdadd tagged is not supported");
        }
        Values v = new Values(kw);
        for (Slot slot : spec.slots()) {
            SlotReader.read(spec, slot, c, v);
        }
        return spec.builder().build(v);
    }

    private static boolean hasLexError(List<Token> tokens, int from) {
        for (int i = from; ; i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.ERROR) {
                return true;
            }
            if (k == TokenKind.SEMICOLON || k == TokenKind.EOF) {
                return false;
            }
        }
    }

    private static int indexOf(List<Token> tokens, Token t, int from) {
        for (int i = from; ; i++) {
            Token at = tokens.get(i);
            if (at == t) {
                return i;
            }
            if (at.kind() == TokenKind.EOF) {
                return from;
            }
        }
    }

    /** See {@link Grammar#expectedAt}. */
    static Expectation complete(String text) {
        List<Token> tokens = new ArrayList<>(Lexer.lex(text).tokens());
        Token eof = tokens.remove(tokens.size() - 1);
        String partial = "";
        if (!tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            if (last.end() == text.length() && isPartial(last)) {
                partial = text.substring(last.offset());
                tokens.remove(tokens.size() - 1);
            }
        }
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(TokenKind.SEMICOLON)) {
                start = i + 1;
            }
        }
        List<Token> stmt = new ArrayList<>(tokens.subList(start, tokens.size()));
        stmt.add(eof);
        try {
            statement(new Cursor(stmt, true));
            return new Expectation(SlotKind.END, "complete", List.of(), partial);
        } catch (NeedMore e) {
            return e.expectation().narrowed(partial);
        } catch (ParseError e) {
            return new Expectation(SlotKind.INVALID, e.getMessage(), List.of(), partial);
        }
    }

    private static boolean isPartial(Token t) {
        switch (t.kind()) {
            case WORD:
            case DECIMAL:
            case HEX:
            case OPTION:
            case POLICY_WORD:
            case DIGIT_LIST:
            case ERROR:
                return true;
            default:
                return false;
        }
    }
}
