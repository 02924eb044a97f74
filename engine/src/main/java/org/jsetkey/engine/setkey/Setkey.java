package org.jsetkey.engine.setkey;

import java.util.List;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.stmt.Exit;
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.spd.Spd;

/**
 * The setkey language against one SAD and SPD: the entry point the shell, scripts and
 * tests use.
 */
public final class Setkey {
    private final Sad sad;
    private final Spd spd;
    private final long pid;
    private final Executor executor;

    /** @param pid the process id dumps print ({@code pid=...}) */
    public Setkey(Sad sad, Spd spd, long pid) {
        this.sad = sad;
        this.spd = spd;
        this.pid = pid;
        this.executor = new Executor(sad, spd, pid);
    }

    /**
     * Runs setkey input. The whole text is parsed first: if any statement has a syntax
     * error, every syntax error is reported and nothing is applied. Otherwise statements
     * are applied in order; a refused one is reported (same position format) and the
     * rest go on.
     *
     * @param fileName what diagnostics call the source ("vpn.conf", "<stdin>")
     */
    public SetkeyResult run(String source, String fileName, SetkeyListener to) {
        BoundedListener listener = new BoundedListener(to, fileName);
        Parser.Result parsed = Parser.parse(source, fileName);
        int errors = 0;
        for (Diagnostic d : parsed.diagnostics()) {
            listener.diagnostic(d);
            if (d.severity() == Diagnostic.Severity.ERROR) {
                errors++;
            }
        }
        if (errors > 0) {
            listener.endParse();
            return new SetkeyResult(0, errors, false);
        }
        int applied = 0;
        for (Parser.Parsed p : parsed.statements()) {
            if (p.statement() instanceof Exit) {
                listener.endApply();
                return new SetkeyResult(applied, errors, true);
            }
            try {
                String out = executor.apply(p.statement());
                applied++;
                if (!out.isEmpty()) {
                    listener.output(out);
                }
            } catch (Refusal r) {
                errors++;
                listener.diagnostic(new Diagnostic(Diagnostic.Severity.ERROR, p.pos(), r.getMessage(), List.of(),
                        p.sourceLine()));
            }
        }
        listener.endApply();
        return new SetkeyResult(applied, errors, false);
    }

    /**
     * Applies one parsed statement (a loader that parsed a whole file first uses it) and
     * returns what it prints; throws {@link Refusal} when the key engine refuses it.
     */
    public String apply(Statement statement) {
        return executor.apply(statement);
    }

    /**
     * Checks setkey input without applying it ({@code setkey -n}): every syntax error is
     * reported; the databases stay as they are.
     */
    public SetkeyResult check(String source, String fileName, SetkeyListener to) {
        BoundedListener listener = new BoundedListener(to, fileName);
        int errors = 0;
        for (Diagnostic d : Parser.parse(source, fileName).diagnostics()) {
            listener.diagnostic(d);
            if (d.severity() == Diagnostic.Severity.ERROR) {
                errors++;
            }
        }
        listener.endParse();
        return new SetkeyResult(0, errors, false);
    }

    /** One round of {@code setkey -D -l}: one short line per SA (the header is {@link ShortDump#HEADER}). */
    public String shortDumpSad(boolean includeDead) {
        return ShortDump.print(sad.snapshot(), sad.clock().millis(), includeDead);
    }

    /** {@code setkey -D} text ({@code includeDead}: {@code -D -a}); "No SAD entries." when empty. */
    public String dumpSad(boolean includeDead) {
        return executor.dumpSad(null, includeDead);
    }

    /** As {@link #dumpSad(boolean)}, written to {@code out} block by block (a large SAD streams). */
    public void dumpSad(boolean includeDead, Appendable out) {
        executor.dumpSad(null, includeDead, out);
    }

    /** {@code setkey -DP} text; "No SPD entries." when empty. */
    public String dumpSpd() {
        return executor.dumpSpd();
    }

    /**
     * True when {@code text} ends a statement: the last token outside strings and comments
     * is {@code ;} (or the text is blank). The console uses it to decide whether to ask
     * for another line.
     */
    public static boolean isComplete(String text) {
        List<Token> tokens = Lexer.lex(text).tokens();
        if (tokens.size() == 1) {
            return true;
        }
        for (Token t : tokens) {
            if (t.is(TokenKind.ERROR) && t.text().startsWith("\"")) {
                return false;
            }
        }
        return tokens.get(tokens.size() - 2).is(TokenKind.SEMICOLON);
    }
}
