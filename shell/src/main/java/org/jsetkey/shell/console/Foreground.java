package org.jsetkey.shell.console;

import java.util.function.Supplier;

/**
 * The command running in the foreground, so Ctrl-C (or SIGINT) can interrupt it from another
 * thread. A late interrupt never leaks into whatever the thread does next.
 */
public final class Foreground {
    private final Object lock = new Object();
    private Thread thread;

    /** Runs {@code command} on this thread as the foreground command. */
    public <T> T run(Supplier<T> command) {
        synchronized (lock) {
            thread = Thread.currentThread();
        }
        try {
            return command.get();
        } finally {
            synchronized (lock) {
                thread = null;
                Thread.interrupted();
            }
        }
    }

    /** Interrupts the command running now; false when none is running. Safe from any thread. */
    public boolean interrupt() {
        synchronized (lock) {
            if (thread == null) {
                return false;
            }
            thread.interrupt();
            return true;
        }
    }
}
