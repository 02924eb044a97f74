package org.jsetkey.engine.spd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ipsec-tools prints a priority relative to the base it is closest to, offset as typed. */
class PriorityTest {
    @Test
    void printsTheNearestBaseAndTheOffsetAsTyped() {
        assertEquals("prio def", new Priority(Priority.DEFAULT_BASE).format());
        assertEquals("prio high + 5", new Priority(Priority.HIGH_BASE - 5).format());
        assertEquals("prio low - 3", new Priority(Priority.LOW_BASE + 3).format());
        assertEquals("prio def - 10", new Priority(Priority.DEFAULT_BASE + 10).format());
        assertEquals("prio def + 100", new Priority(Priority.DEFAULT_BASE - 100).format());
        assertEquals("prio high - 536870911", new Priority(0x5fffffffL).format());
        assertEquals("prio def - 536870911", new Priority(0x9fffffffL).format());
        assertEquals("prio low + 536870912", new Priority(0xa0000000L).format());
        assertEquals("", new Priority(0).format());
    }
}
