package org.jsetkey.shell.groovy;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs Groovy code on its own thread so Ctrl-C can always stop it. The caller waits; when the
 * caller is interrupted (Ctrl-C), the code's thread is interrupted too. Compiled code checks
 * for that at every loop, method and closure start ({@code ThreadInterrupt}, see
 * {@link ScriptHost}), so it normally ends within microseconds. Code that swallows the
 * interrupt (a catch-all around a sleep, a Java call that ignores it) is stopped with
 * {@link Thread#stop()} after {@link #GRACE_MILLIS}: a last resort that still works on Java 17.
 */
final class Evaluation {
    static final long GRACE_MILLIS = 500;

    private Evaluation() {
    }

    /** Thrown to the caller when the code was interrupted (and, if it had to be, stopped). */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean stopped;

        Interrupted(boolean stopped) {
            super(stopped ? "interrupted (the script ignored the interrupt and was stopped)" : "interrupted");
            this.stopped = stopped;
        }

        boolean stopped() {
            return stopped;
        }
    }

    /**
     * Runs {@code body} on a fresh thread and returns its value; its exception is rethrown as is
     * (checked ones wrapped in {@link IllegalStateException}).
     *
     * @throws Interrupted when this thread was interrupted while waiting; the interrupt status stays set
     */
    static <T> T call(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread worker = new Thread(task, name);
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            boolean stopped = end(worker);
            Thread.currentThread().interrupt();
            throw new Interrupted(stopped);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                // the code's thread was interrupted without us (e.g. its own Thread.interrupt())
                throw new Interrupted(false);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Interrupts the worker, then stops it if it is still running after the grace time; true if stopped. */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean end(Thread worker) {
        worker.interrupt();
        if (joinUninterruptibly(worker, GRACE_MILLIS)) {
            return false;
        }
        worker.stop();
        joinUninterruptibly(worker, GRACE_MILLIS);
        return true;
    }

    private static boolean joinUninterruptibly(Thread t, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (t.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                t.join(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                // a second Ctrl-C while we wait: keep waiting for the bounded time
            }
        }
        return true;
    }
}
