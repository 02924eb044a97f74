package org.jsetkey.shell.groovy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import groovy.lang.Closure;

/**
 * Runs script callbacks ({@code on(...)}) one at a time on a thread of their own, so a
 * callback never runs inside the engine's datapath and never blocks the link thread. The
 * first callback failure is kept so the script can fail with it.
 */
final class EventDispatcher implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jsetkey-script-events");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final java.util.function.Consumer<String> errors;

    EventDispatcher(java.util.function.Consumer<String> errors) {
        this.errors = errors;
    }

    void dispatch(String type, Closure<?> callback, Object event) {
        try {
            executor.execute(() -> {
                try {
                    callback.call(event);
                } catch (Throwable t) {
                    if (failure.compareAndSet(null, t)) {
                        errors.accept("on('" + type + "') failed: " + ScriptErrors.describe(t, null));
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the script host is closing: late events are dropped
        }
    }

    /** The first exception a callback threw, or null; clears it. */
    Throwable takeFailure() {
        return failure.getAndSet(null);
    }

    /** Waits (bounded) until callbacks queued so far have run. */
    void drain(long millis) throws InterruptedException {
        java.util.concurrent.Future<?> f = executor.submit(() -> { });
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a callback is still busy: give up waiting
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
