package org.jsetkey.engine.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault on N datagrams with seed 1: exact counts, every datagram accounted for, a seed repeating a run. */
class ImpairerTest {
    private static final int N = 10_000;
    private final ScheduledExecutorService queue = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() throws InterruptedException {
        queue.shutdownNow();
        queue.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Datagram i carries i in its first four bytes, and 60 bytes more. */
    private static byte[] datagram(int i) {
        byte[] d = new byte[64];
        d[0] = (byte) (i >> 24);
        d[1] = (byte) (i >> 16);
        d[2] = (byte) (i >> 8);
        d[3] = (byte) i;
        return d;
    }

    private static int number(byte[] d) {
        return (d[0] & 0xff) << 24 | (d[1] & 0xff) << 16 | (d[2] & 0xff) << 8 | d[3] & 0xff;
    }

    private record Run(ImpairStats stats, List<byte[]> arrived) {
    }

    private Run run(String netem, int n) throws InterruptedException {
        Impairer imp = new Impairer(Impairment.parse(List.of(netem.split(" "))), System::nanoTime, () -> queue);
        List<byte[]> arrived = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            imp.submit(datagram(i), arrived::add);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (imp.stats().waiting() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        ImpairStats s = imp.stats();
        assertEquals(0, s.waiting(), "everything waiting was sent");
        assertEquals(s.counted() + s.duplicated() - s.lost() - s.overLimit(), s.sent(), "every datagram accounted for");
        assertEquals(s.sent(), arrived.size());
        return new Run(s, new ArrayList<>(arrived));
    }

    @Test
    void lossDropsTheSameDatagramsForTheSameSeed() throws Exception {
        Run r = run("loss 20% seed 1", N);
        assertEquals(new ImpairStats(N, 1959, 0, 0, 0, 0, 0, N - 1959), r.stats());
        Run again = run("loss 20% seed 1", N);
        assertEquals(numbers(r.arrived()), numbers(again.arrived()), "the seed repeats which ones were lost");
        assertNotEquals(numbers(r.arrived()), numbers(run("loss 20% seed 2", N).arrived()));
    }

    @Test
    void duplicateSendsAnIntactSecondCopy() throws Exception {
        Run r = run("duplicate 50% seed 1", N);
        assertEquals(new ImpairStats(N, 0, 4982, 0, 0, 0, 0, N + 4982), r.stats());
        List<Integer> numbers = numbers(r.arrived());
        assertEquals(N, numbers.stream().distinct().count(), "every datagram arrives at least once");
        for (byte[] d : r.arrived()) {
            assertArrayEquals(datagram(number(d)), d);
        }
    }

    @Test
    void corruptFlipsExactlyOneBit() throws Exception {
        Run r = run("corrupt 1% seed 1", N);
        assertEquals(new ImpairStats(N, 0, 0, 86, 0, 0, 0, N), r.stats());
        int damaged = 0;
        for (int i = 0; i < N; i++) {
            byte[] d = r.arrived().get(i);
            byte[] original = datagram(i);
            int bits = 0;
            for (int b = 0; b < d.length; b++) {
                bits += Integer.bitCount((d[b] ^ original[b]) & 0xff);
            }
            assertTrue(bits <= 1, "datagram " + i + " has " + bits + " bits changed");
            damaged += bits;
        }
        // a flip in the first four bytes changes the number this test reads, so compare in order of arrival
        assertEquals(86, damaged);
    }

    @Test
    void delayHoldsEveryDatagramAndJitterCanReorder() throws Exception {
        long t0 = System.nanoTime();
        Run r = run("delay 20ms seed 1", 200);
        assertTrue(System.nanoTime() - t0 >= 20_000_000, "at least the delay passed");
        assertEquals(new ImpairStats(200, 0, 0, 0, 200, 0, 0, 200), r.stats());
        assertEquals(range(200), numbers(r.arrived()), "without jitter the order stays");
        Run jittered = run("delay 10ms 10ms limit 5000 seed 1", 2000);
        assertEquals(2000, jittered.stats().sent());
        assertEquals(range(2000), numbers(jittered.arrived()).stream().sorted().toList());
    }

    @Test
    void reorderSendsTheChosenAtOnceAheadOfTheDelayed() throws Exception {
        Run r = run("reorder 25% delay 500ms seed 1", 1000);
        assertEquals(new ImpairStats(1000, 0, 0, 0, 734, 266, 0, 1000), r.stats());
        // all 1,000 were submitted well within 500 ms of the first: the 266 that went at once arrive first
        List<Integer> order = numbers(r.arrived());
        List<Integer> first = order.subList(0, 266);
        assertEquals(first.stream().sorted().toList(), first, "the reordered ones keep their own order");
        assertEquals(range(1000), order.stream().sorted().toList());
    }

    @Test
    void rateSerialisesAndLimitBoundsTheQueue() throws Exception {
        long t0 = System.nanoTime();
        Run r = run("rate 512kbit seed 1", 100); // 64 bytes = 512 bits: 1 ms each
        assertTrue(System.nanoTime() - t0 >= 99_000_000, "100 datagrams at 1 ms each take 100 ms");
        assertEquals(range(100), numbers(r.arrived()));
        Run limited = run("delay 1s limit 10 seed 1", 50);
        assertEquals(new ImpairStats(50, 0, 0, 0, 10, 0, 40, 10), limited.stats());
    }

    @Test
    void everythingAtOnceStillBalances() throws Exception {
        Run r = run("loss 5% delay 2ms 1ms reorder 5% duplicate 5% corrupt 1% limit 100000 seed 7", N);
        ImpairStats s = r.stats();
        assertEquals(N + s.duplicated() - s.lost(), s.sent());
        assertTrue(s.lost() > 0 && s.duplicated() > 0 && s.corrupted() > 0 && s.reordered() > 0, s.format());
        assertEquals(s, run("loss 5% delay 2ms 1ms reorder 5% duplicate 5% corrupt 1% limit 100000 seed 7", N).stats());
    }

    private static List<Integer> numbers(List<byte[]> l) {
        return l.stream().map(ImpairerTest::number).toList();
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }
}
