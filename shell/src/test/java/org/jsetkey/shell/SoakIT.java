package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code jsetkey --soak 5}: the short soak passes and its account adds up, as a user reads it. */
class SoakIT {
    @Test
    void fiveSecondSoakPassesAndAccountsForEveryPacket() {
        InProcessRun r = InProcessRun.of("", "--soak", "5");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().endsWith("soak: OK\n"), r.out());
        assertTrue(r.out().contains("  errors: none\n"), r.out());
        Matcher flood = Pattern.compile("phoenix -> cardinal: (\\d+) sent, (\\d+) delivered; cardinal dropped (\\d+)")
                .matcher(r.out());
        assertTrue(flood.find(), r.out());
        long sent = Long.parseLong(flood.group(1));
        assertTrue(sent >= 1000, "the flood ran: " + sent);
        Matcher forged = Pattern.compile("forged to cardinal: (\\d+) \\(").matcher(r.out());
        assertTrue(forged.find() && Long.parseLong(forged.group(1)) >= 100, r.out());
        assertTrue(r.out().contains("rekeys"), r.out());
        Matcher expiries = Pattern.compile("expiries: (\\d+) SAs with 1 s/2 s lifetimes: (\\d+) soft, (\\d+) hard")
                .matcher(r.out());
        assertTrue(expiries.find() && Long.parseLong(expiries.group(3)) > 0, "the key timer expired SAs: " + r.out());
        assertTrue(r.out().contains("heap after GC (MB): 1s="), r.out());
    }

    @Test
    void aBadDurationIsRefused() {
        InProcessRun r = InProcessRun.of("", "--soak", "0");
        assertEquals(1, r.status());
        assertEquals("jsetkey: --soak 0: expected 1-86400 seconds\n", r.err());
    }
}
