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
        Matcher natt = Pattern.compile("nat-t through the NAT: kestrel -> osprey (\\d+) sent, (\\d+) delivered;"
                + " osprey -> kestrel (\\d+) sent, (\\d+) delivered; dropped 0 ").matcher(r.out());
        assertTrue(natt.find() && Long.parseLong(natt.group(2)) >= 200 && Long.parseLong(natt.group(4)) >= 200,
                "the NAT-T pair crossed the NAT both ways: " + r.out());
        assertTrue(r.out().contains("  nat table: 1 translation(s); osprey followed 1 port change(s)\n"), r.out());
    }

    @Test
    void aBadDurationIsRefused() {
        InProcessRun r = InProcessRun.of("", "--soak", "0");
        assertEquals(1, r.status());
        assertEquals("jsetkey: --soak 0: expected 1-86400 seconds\n", r.err());
    }

    /** Over an impaired link: both ways, sent + forged + duplicated = delivered + lost + dropped + malformed + kernel. */
    @Test
    void soakOverAnImpairedLinkBalancesBothWays() {
        InProcessRun r = InProcessRun.of("", "--soak", "5", "--impair",
                "loss 2% reorder 5% delay 2ms duplicate 2% corrupt 1% seed 1");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().endsWith("soak: OK\n"), r.out());
        assertTrue(r.out().contains("soak: phoenix impairs what it sends cardinal: loss 2% delay 2ms reorder 5%"
                + " duplicate 2% corrupt 1% seed 1\n"), r.out());
        assertTrue(r.out().contains("soak: cardinal impairs what it sends phoenix: loss 2% delay 2ms reorder 5%"
                + " duplicate 2% corrupt 1% seed 2\n"), r.out());
        Matcher balance = Pattern.compile("balance: (\\d+) sent \\+ (\\d+) forged \\+ (\\d+) duplicated = (\\d+) delivered"
                + " \\+ (\\d+) lost by the impairment \\+ (\\d+) dropped with a reason \\+ (\\d+) malformed \\+ (\\d+) in"
                + " the kernel's buffer").matcher(r.out());
        for (int way = 0; way < 2; way++) {
            assertTrue(balance.find(), r.out());
            long in = Long.parseLong(balance.group(1)) + Long.parseLong(balance.group(2))
                    + Long.parseLong(balance.group(3));
            long out = 0;
            for (int g = 4; g <= 8; g++) {
                out += Long.parseLong(balance.group(g));
            }
            assertEquals(in, out, balance.group());
            assertTrue(Long.parseLong(balance.group(5)) > 0 && Long.parseLong(balance.group(3)) > 0, balance.group());
        }
        Matcher impaired = Pattern.compile("impairment \\(loss 2% [^)]*\\): (\\d+) counted: (\\d+) lost, (\\d+) duplicated,"
                + " (\\d+) corrupted, (\\d+) delayed, (\\d+) reordered").matcher(r.out());
        assertTrue(impaired.find(), r.out());
        assertTrue(Long.parseLong(impaired.group(4)) > 0 && Long.parseLong(impaired.group(6)) > 0, impaired.group());
    }

    @Test
    void aBadImpairmentIsRefusedBeforeAnythingRuns() {
        InProcessRun r = InProcessRun.of("", "--soak", "5", "--impair", "loss 5% reorder 5%");
        assertEquals(1, r.status());
        assertEquals("jsetkey: --impair 'loss 5% reorder 5%': reordering not possible without specifying some delay"
                + " (reorder 25% delay 5ms: a quarter go at once, the rest wait 5 ms)\n", r.err());
        assertEquals("", r.out());
    }
}
