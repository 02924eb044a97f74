package org.jsetkey.engine.setkey;

import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.spd.Spd;

/**
 * The setkey language against one SAD and SPD: the entry point the shell, scripts and
 * tests use.
 */
public final class Setkey {
    private final Sad sad;
    private final Spd spd;
    private final long pid;

    /** @param pid the process id dumps print ({@code pid=...}) */
    public Setkey(Sad sad, Spd spd, long pid) {
        this.sad = sad;
        this.spd = spd;
        this.pid = pid;
    }

    /**
     * Runs setkey input. The whole text is parsed first: if any statement has a syntax
     * error, every syntax error is reported and nothing is applied. Otherwise statements
     * are applied in order; a refused one is reported (same position format) and the
     * rest go on.
     *
     * @param fileName what diagnostics call the source ("vpn.conf", "<stdin>")
     */
    public SetkeyResult run(String source, String fileName, SetkeyListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code setkey -D} text ({@code includeDead}: {@code -D -a}); "No SAD entries." when empty. */
    public String dumpSad(boolean includeDead) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code setkey -DP} text; "No SPD entries." when empty. */
    public String dumpSpd() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * True when {@code text} ends a statement: the last token outside strings and comments
     * is {@code ;} (or the text is blank). The console uses it to decide whether to ask
     * for another line.
     */
    public static boolean isComplete(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
