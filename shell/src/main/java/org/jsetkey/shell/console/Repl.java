package org.jsetkey.shell.console;

import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Outcome;

/**
 * The read-run loop of the console. A command runs on the loop's thread; {@link #interruptForeground}
 * (Ctrl-C) interrupts that thread, and commands that wait (ping, sleep, Groovy) stop when interrupted.
 */
public final class Repl {
    private final LineInput input;
    private final Interpreter interpreter;
    private final boolean cancelEnds;
    private final Foreground foreground = new Foreground();

    public Repl(LineInput input, Interpreter interpreter) {
        this(input, interpreter, false);
    }

    /** @param cancelEnds Ctrl-C at the prompt ends the loop (as it ends {@code setkey -x}) instead of dropping the line */
    public Repl(LineInput input, Interpreter interpreter, boolean cancelEnds) {
        this.input = input;
        this.interpreter = interpreter;
        this.cancelEnds = cancelEnds;
    }

    /** Runs until exit or end of input (or Ctrl-C at the prompt with {@code cancelEnds}); returns 0. */
    public int run() {
        while (true) {
            String entry;
            try {
                entry = input.read();
            } catch (LineInput.LineCancelledException cancelled) {
                interpreter.cancelPending();
                if (cancelEnds) {
                    return 0;
                }
                continue;
            }
            if (entry == null) {
                return 0;
            }
            if (foreground.run(() -> interpreter.accept(entry)) == Outcome.EXIT) {
                return 0;
            }
        }
    }

    /** Interrupts the command running now; false when none is running. Safe from any thread. */
    public boolean interruptForeground() {
        return foreground.interrupt();
    }
}
