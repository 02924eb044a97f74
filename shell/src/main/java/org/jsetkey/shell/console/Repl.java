package org.jsetkey.shell.console;

import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Outcome;

/**
 * The read-run loop of the console. A command runs on the loop's thread; {@link #interruptForeground}
 * (Ctrl-C) interrupts that thread, and commands that wait (ping, tcpdump, sleep) stop when interrupted.
 */
public final class Repl {
    private final LineInput input;
    private final Interpreter interpreter;
    private final Object lock = new Object();
    private Thread foreground;

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
            if (runInForeground(entry) == Outcome.EXIT) {
                return 0;
            }
        }
    }

    /** Interrupts the command running now; false when none is running. Safe from any thread. */
    public boolean interruptForeground() {
        synchronized (lock) {
            if (foreground == null) {
                return false;
            }
            foreground.interrupt();
            return true;
        }
    }

    private Outcome runInForeground(String entry) {
        synchronized (lock) {
            foreground = Thread.currentThread();
        }
        try {
            return interpreter.accept(entry);
        } finally {
            synchronized (lock) {
                foreground = null;
                Thread.interrupted(); // a late Ctrl-C must not hit the next read
            }
        }
    }
}
