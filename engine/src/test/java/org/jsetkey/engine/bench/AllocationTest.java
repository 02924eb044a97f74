package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The allocation counter sees an array made per call, and sees none where none is made. */
class AllocationTest {
    private static volatile Object sink;

    @Test
    void countsTheBytesEachCallAllocates() throws Exception {
        double made = Allocation.perCall(() -> sink = new byte[1000], 10_000);
        assertTrue(made >= 1000 && made < 1100, "byte[1000] per call: " + made);
        long[] counter = {0};
        double none = Allocation.perCall(() -> counter[0]++, 10_000);
        assertTrue(none < 8, "nothing per call: " + none);
    }
}
