package org.jsetkey.shell.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jsetkey.engine.setkey.BoundedListener;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Outcome;

/**
 * Console commands read from a non-terminal standard input: prints what the console would
 * print and fails if any command failed or a statement was left open.
 */
public final class BatchRunner {
    private final Interpreter interpreter;
    private final Foreground foreground;

    public BatchRunner(Interpreter interpreter) {
        this(interpreter, new Foreground());
    }

    /** @param foreground where SIGINT finds the running command to interrupt */
    public BatchRunner(Interpreter interpreter, Foreground foreground) {
        this.interpreter = interpreter;
        this.foreground = foreground;
    }

    /**
     * Returns the exit status: 0 when everything succeeded, 1 otherwise. After
     * {@link BoundedListener#LIMIT} failed entries in a row (junk, not a script whose deletes may
     * find nothing) it stops, as a file of junk would otherwise print an error per line.
     */
    public int run(BufferedReader in) {
        boolean failed = false;
        int failures = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String entry = line;
                Outcome o = foreground.run(() -> interpreter.accept(entry));
                if (o == Outcome.FAILED) {
                    failed = true;
                    if (++failures == BoundedListener.LIMIT) {
                        interpreter.output().errorln(Diagnostic.tooMany(Interpreter.SOURCE_NAME, "too many errors; stopping").format());
                        return 1;
                    }
                } else if (o == Outcome.OK) {
                    failures = 0;
                } else if (o == Outcome.EXIT) {
                    return failed ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (interpreter.pending()) {
            interpreter.cancelPending();
            return 1;
        }
        return failed ? 1 : 0;
    }
}
