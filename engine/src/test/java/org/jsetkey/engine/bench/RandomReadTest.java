package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

/** The memory baseline's chain really is one random walk over every line, and sized like the tables. */
class RandomReadTest {
    @Test
    void chainVisitsEveryLineOnceBeforeComingBack() {
        int lines = 10_000;
        int[] chain = RandomRead.chain(lines, 7);
        assertEquals(lines * RandomRead.LINE_INTS, chain.length);
        BitSet seen = new BitSet(lines);
        int at = 0;
        int neighbours = 0;
        for (int step = 0; step < lines; step++) {
            assertEquals(0, at % RandomRead.LINE_INTS, "a read lands at the start of a line");
            int line = at / RandomRead.LINE_INTS;
            assertEquals(false, seen.get(line), "line " + line + " read twice in one cycle");
            seen.set(line);
            int next = chain[at];
            neighbours += Math.abs(next - at) == RandomRead.LINE_INTS ? 1 : 0;
            at = next;
        }
        assertEquals(0, at, "the walk is one cycle back to the start");
        assertEquals(lines, seen.cardinality());
        assertEquals(true, neighbours < 10, "the order is random, not sequential: " + neighbours);
    }

    @Test
    void keyBytesAreTheSlotsOfAHalfFullTable() {
        assertEquals(2_097_152L * 32, RandomRead.keyBytes(1_000_000)); // 64 MiB for the SAD of a million
        assertEquals(262_144L * 32, RandomRead.keyBytes(100_000));
        assertEquals(8L * 32, RandomRead.keyBytes(4));
        assertEquals("64 MiB", RandomRead.size(RandomRead.keyBytes(1_000_000)));
    }
}
