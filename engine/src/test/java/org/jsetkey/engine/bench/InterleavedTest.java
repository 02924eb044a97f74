package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class InterleavedTest {
    private static final Interleaved.Timing SHORT = new Interleaved.Timing(20, 2_000, 3, 20_000, 0.5);
    // the thread's CPU time: a measured round of 20 ms slices is not skewed by other processes' load
    private static final Interleaved.Timing SHORT_CPU = new Interleaved.Timing(20, 2_000, 3, 20_000, 0.5, true);

    private static void work() {
        long x = 0;
        for (int i = 0; i < 200; i++) {
            x += i * 31L ^ x;
        }
        if (x == 42) {
            throw new IllegalStateException();
        }
    }

    @Test
    void oneMeasuredRoundStillComesAfterAWarmUp() throws Exception {
        AtomicLong slowCalls = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        // the first 300 calls are 1 ms each, as an interpreted or not yet compiled path would be
        Interleaved.Op slowStart = () -> {
            if (calls.incrementAndGet() <= 300) {
                slowCalls.incrementAndGet();
                Thread.sleep(1);
            }
            work();
        };
        List<String> progress = new ArrayList<>();
        List<Long> callsAtMeasuring = new ArrayList<>();
        BenchRun run = new BenchRun(1, line -> {
            progress.add(line);
            if (line.startsWith("warm-up")) {
                callsAtMeasuring.add(calls.get());
            }
        });
        Interleaved.Rates rates = Interleaved.measure(List.of(new Interleaved.Case("slow start", slowStart),
                new Interleaved.Case("steady", InterleavedTest::work)), run, SHORT_CPU);
        assertEquals(300, slowCalls.get());
        assertTrue(callsAtMeasuring.get(0) >= SHORT_CPU.minWarmupCalls(), progress.toString());
        // measured after the slow calls, the two equal workloads come out within 10x of each other
        // (a JIT recompiling the first case late, on a busy machine, can cost it a few times), not
        // the 10,000x a measured 1 ms call would put between them
        double ratio = rates.medianRatio(0, 1);
        assertTrue(ratio > 0.1 && ratio < 10, "ratio " + ratio);
        assertEquals("round 1/1 done", progress.get(progress.size() - 1));
        assertEquals(1, rates.perSlice()[0].length);
    }

    /** Each round gives every case one slice per pass, in turns; ratios pair the slices of one turn. */
    @Test
    void passesGiveEachCaseSeveralSlicesPerRound() throws Exception {
        List<String> order = new ArrayList<>();
        Interleaved.Timing timing = new Interleaved.Timing(2, 20, 1, 5_000, 10, true, 3);
        String[] current = {""};
        Interleaved.Op a = () -> {
            if (!current[0].equals("a")) {
                current[0] = "a";
                order.add("a");
            }
            work();
        };
        Interleaved.Op b = () -> {
            if (!current[0].equals("b")) {
                current[0] = "b";
                order.add("b");
            }
            work();
        };
        Interleaved.Rates rates = Interleaved.measure(List.of(new Interleaved.Case("a", a),
                new Interleaved.Case("b", b)), new BenchRun(2, line -> { }), timing);
        assertEquals(6, rates.perSlice()[0].length);
        assertEquals(6, rates.perSlice()[1].length);
        // the last twelve turns are the measured ones: a, b, a, b, ...
        List<String> measured = order.subList(order.size() - 12, order.size());
        for (int i = 0; i < measured.size(); i++) {
            assertEquals(i % 2 == 0 ? "a" : "b", measured.get(i), measured.toString());
        }
    }

    @Test
    void aRatioIsTheMedianOfPerRoundRatios() {
        Interleaved.Rates rates = new Interleaved.Rates(List.of("a", "b"),
                new double[][] {{100, 50, 300}, {200, 200, 200}}, true);
        assertEquals(0.5, rates.medianRatio(0, 1), 1e-9);
        assertEquals(100, rates.median(0), 1e-9);
    }

    @Test
    void roundsOutsideOneToTwentyAreRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BenchRun(0, line -> { }));
        assertEquals("rounds: 0 (expected: 1-20)", e.getMessage());
    }
}
