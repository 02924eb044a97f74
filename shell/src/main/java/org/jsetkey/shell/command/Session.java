package org.jsetkey.shell.command;

/** Per-console settings changed with {@code set}, and the last error for later inspection. */
public final class Session {
    private volatile boolean debug;
    private volatile boolean notices = true;
    private volatile boolean historyKeys;
    private volatile Throwable lastException;
    private volatile LineMode mode;

    public boolean debug() {
        return debug;
    }

    public void debug(boolean on) {
        debug = on;
    }

    /** Whether ACQUIRE and EXPIRE notices print above the prompt (on by default). */
    public boolean notices() {
        return notices;
    }

    public void notices(boolean on) {
        notices = on;
    }

    /** Whether entries with key material are kept in the history (off by default). */
    public boolean historyKeys() {
        return historyKeys;
    }

    public void historyKeys(boolean on) {
        historyKeys = on;
    }

    /** The exception behind the last failure, or null. */
    public Throwable lastException() {
        return lastException;
    }

    void lastException(Throwable t) {
        lastException = t;
    }

    /** The mode that takes the console's input (see {@link LineMode}), or null for the command line. */
    public LineMode mode() {
        return mode;
    }

    /** Sends the following input to {@code newMode} until it returns {@link Outcome#EXIT}. */
    public void enter(LineMode newMode) {
        mode = newMode;
    }

    public void leaveMode() {
        mode = null;
    }
}
