package org.jsetkey.engine.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** netem's words in, the same words out; a clear message for each mistake. */
class ImpairmentTest {
    private static Impairment parse(String s) {
        return Impairment.parse(List.of(s.split(" ")));
    }

    private static String error(String s) {
        return assertThrows(IllegalArgumentException.class, () -> parse(s)).getMessage();
    }

    @Test
    void readsAndWritesNetemWords() {
        Impairment i = parse("loss 1% reorder 5% delay 2ms 500us duplicate 1% corrupt 0.1% rate 10mbit seed 42");
        assertEquals(1, i.loss());
        assertEquals(2000, i.delayMicros());
        assertEquals(500, i.jitterMicros());
        assertEquals(10_000_000, i.rateBitsPerSecond());
        assertEquals(42L, i.seed());
        assertEquals("loss 1% delay 2ms 500us reorder 5% duplicate 1% corrupt 0.1% rate 10mbit seed 42", i.format());
        assertEquals(i, parse(i.format()));
        assertEquals("loss 20%", parse("loss random 20").format());
        assertEquals("delay 1.5ms rate 800kbit limit 50", parse("delay 1500 rate 100kbps limit 50").format());
        assertEquals("none seed 3", parse("seed 3").format());
    }

    @Test
    void saysWhatIsWrong() {
        assertEquals("loss '120%': expected a percentage 0-100 (like 5% or 0.1%)", error("loss 120%"));
        assertEquals("expected a percentage after duplicate (like 5%)", error("duplicate"));
        assertEquals("delay '5 minutes': expected a time up to 60s (like 10ms, 500us, 1s)",
                assertThrows(IllegalArgumentException.class,
                        () -> Impairment.parse(List.of("delay", "5 minutes"))).getMessage());
        assertEquals("reordering not possible without specifying some delay (reorder 25% delay 5ms: a quarter go at"
                + " once, the rest wait 5 ms)", error("reorder 25%"));
        assertEquals("jitter 10ms is larger than the delay 5ms", error("delay 5ms 10ms"));
        assertEquals("unknown word 'drop': expected one of loss, delay, reorder, duplicate, corrupt, rate, limit,"
                + " seed, or off", error("drop 5%"));
        assertEquals("rate 'fast': expected a rate from 8bit to 1000gbit (like 1mbit, 64kbit, 100kbps)",
                error("rate fast"));
        assertEquals("seed '-1': expected a whole number 0-9223372036854775807", error("seed -1"));
    }
}
