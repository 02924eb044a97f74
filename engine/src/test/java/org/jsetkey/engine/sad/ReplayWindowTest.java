package org.jsetkey.engine.sad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    @Test
    void acceptsNewHighestAndRejectsDuplicate() {
        ReplayWindow w = new ReplayWindow(32);
        assertTrue(w.update(1));
        assertTrue(w.update(5));
        assertFalse(w.check(5));
        assertFalse(w.update(5));
        assertEquals(5, w.highest());
    }

    @Test
    void acceptsInsideWindowOnce() {
        ReplayWindow w = new ReplayWindow(32);
        assertTrue(w.update(40));
        assertTrue(w.check(9)); // 40 - 9 = 31 < 32: the oldest slot of the window
        assertTrue(w.update(9));
        assertFalse(w.update(9));
        assertTrue(w.update(39));
    }

    @Test
    void rejectsSequenceOlderThanWindow() {
        ReplayWindow w = new ReplayWindow(32);
        assertTrue(w.update(40));
        assertFalse(w.check(8)); // 40 - 8 = 32: just left of the window
        assertFalse(w.update(8));
    }

    @Test
    void slidingForgetsOldBitsButKeepsRecentOnes() {
        ReplayWindow w = new ReplayWindow(64);
        for (long s = 1; s <= 64; s++) {
            assertTrue(w.update(s));
        }
        assertTrue(w.update(100));
        assertFalse(w.check(36)); // left of the window now
        assertFalse(w.check(37)); // inside, seen before the slide
        assertTrue(w.check(65)); // inside, never seen
        assertFalse(w.check(64)); // inside, seen before the slide
        assertTrue(w.update(1000));
        assertTrue(w.check(999));
        assertFalse(w.check(100));
    }

    @Test
    void rejectsSequenceZero() {
        assertFalse(new ReplayWindow(8).check(0));
    }

    @Test
    void zeroWindowChecksNothing() {
        ReplayWindow w = ReplayWindow.forReplayBytes(0);
        assertFalse(w.enabled());
        assertTrue(w.update(3));
        assertTrue(w.update(3));
        assertTrue(w.update(1));
    }

    @Test
    void sizeIsEightTimesReplayBytes() {
        assertEquals(32, ReplayWindow.forReplayBytes(4).size());
        assertEquals(ReplayWindow.MAX_PACKETS, ReplayWindow.forReplayBytes(0xffffffffL).size());
    }

    @Test
    void refusalTellsAStragglerFromADuplicate() {
        ReplayWindow w = ReplayWindow.forReplayBytes(1);
        assertTrue(w.update(20));
        assertTrue(w.update(15));
        assertEquals("arrived left of the window (highest seen 20, window 8)", w.refusal(12));
        assertEquals("was already received (a duplicate) (highest seen 20, window 8)", w.refusal(15));
        assertEquals("is 0, never sent (highest seen 20, window 8)", w.refusal(0));
    }
}
