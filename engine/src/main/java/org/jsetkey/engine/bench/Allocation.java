package org.jsetkey.engine.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes the calling thread allocates per call of an operation, from HotSpot's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean}): what a call really allocates
 * once compiled (escape analysis included), so run it after the operation is warm.
 */
final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    /** Bytes the thread {@code id} allocated so far; -1 where the JVM cannot count allocation. */
    static long ofThread(long id) {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        return THREADS.getThreadAllocatedBytes(id);
    }

    /** Bytes per call over {@code calls} calls; NaN where the JVM cannot count allocation. */
    static double perCall(Interleaved.Op op, int calls) throws Exception {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            return Double.NaN;
        }
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        for (int i = 0; i < calls; i++) {
            op.run();
        }
        return (double) (THREADS.getThreadAllocatedBytes(id) - before) / calls;
    }
}
