package org.jsetkey.shell.groovy;

/** What {@code on(...)} returns: {@code cancel()} stops the callbacks. */
public final class Subscription implements AutoCloseable {
    private final String type;
    private final AutoCloseable handle;

    Subscription(String type, AutoCloseable handle) {
        this.type = type;
        this.handle = handle;
    }

    public String getType() {
        return type;
    }

    public void cancel() {
        ScriptedHost.closeQuietly(handle);
    }

    @Override
    public void close() {
        cancel();
    }

    @Override
    public String toString() {
        return "on('" + type + "')";
    }
}
