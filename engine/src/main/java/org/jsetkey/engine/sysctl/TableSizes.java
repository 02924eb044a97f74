package org.jsetkey.engine.sysctl;

/**
 * Default sizes of the key tables (jsetkey's own knobs: FreeBSD's SAD and SPD grow until
 * malloc fails). Like FreeBSD's memory-tuned limits (kern.maxfiles), they follow the heap:
 * 2^20 entries each, fewer when the heap is small, so a full table cannot exhaust it. An SA
 * is about 0.5 KiB until its crypto state is built (about 2 KiB after), a policy about 0.25 KiB;
 * one entry per 4 KiB of heap leaves room for both tables full plus traffic.
 */
final class TableSizes {
    static final int SAD_DEFAULT = forHeap(Runtime.getRuntime().maxMemory());
    static final int SPD_DEFAULT = SAD_DEFAULT;

    private TableSizes() {
    }

    static int forHeap(long maxHeapBytes) {
        return (int) Math.max(1024, Math.min(1 << 20, maxHeapBytes / 4096));
    }
}
