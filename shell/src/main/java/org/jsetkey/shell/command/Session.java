package org.jsetkey.shell.command;

/** Per-console settings changed with {@code set}, and the last error for later inspection. */
public final class Session {
    private volatile boolean debug;
    private volatile Throwable lastException;

    public boolean debug() {
        return debug;
    }

    public void debug(boolean on) {
        debug = on;
    }

    /** The exception behind the last failure, or null. */
    public Throwable lastException() {
        return lastException;
    }

    void lastException(Throwable t) {
        lastException = t;
    }
}
