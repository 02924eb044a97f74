package org.jsetkey.shell.console;

import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Outcome;

/** The read-run loop of the console. */
public final class Repl {
    private final LineInput input;
    private final Interpreter interpreter;

    public Repl(LineInput input, Interpreter interpreter) {
        this.input = input;
        this.interpreter = interpreter;
    }

    /** Runs until exit or end of input; returns 0. */
    public int run() {
        while (true) {
            String entry;
            try {
                entry = input.read();
            } catch (LineInput.LineCancelledException cancelled) {
                interpreter.cancelPending();
                continue;
            }
            if (entry == null) {
                return 0;
            }
            if (interpreter.accept(entry) == Outcome.EXIT) {
                return 0;
            }
        }
    }
}
