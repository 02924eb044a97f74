package org.jsetkey.engine.bench;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaId;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SpiLookup;

/**
 * Part 4, SAD: a SAD of 1,000 and one of 1,000,000 ESP SAs (aes-cbc + hmac-sha1, each with its
 * own address objects, as the parser makes them). Inbound lookup by SPI, insert (+ delete) of a
 * fresh SA and the outbound SA choice for 4,096 flows are measured interleaved on both, and with
 * them one random read from an array as large as the large SAD's key slots ({@link RandomRead}), the
 * memory limit a million-entry lookup is read against: lookup and outbound choice have their target
 * against that read (the small SAD fits in cache, so their ratio to it is shown without one),
 * insert+delete against the small SAD. Heap per SA is the used heap before and after filling the
 * large SAD, less the key bytes, against a budget of 1 KiB.
 */
public final class SadBench implements BenchPart {
    public static final int SMALL = 1_000;
    public static final int LARGE = 1_000_000;
    /** insert+delete, large SAD against small. */
    private static final double TIME_TARGET = 3.0;
    /** Lookup and outbound choice in the large SAD against one random read. */
    private static final double MEMORY_TARGET = 2.0;
    private static final long BYTES_BUDGET = 1024;
    private static final int KEYS = 4096;
    private static final Algorithm AES = Algorithms.find(AlgorithmKind.ENCRYPT, "aes-cbc").orElseThrow();
    private static final Algorithm SHA1 = Algorithms.find(AlgorithmKind.AUTH, "hmac-sha1").orElseThrow();
    private static final int KEY_BYTES = 16 + 20;
    private final Interleaved.Timing timing;
    private final int small;
    private final int large;

    public SadBench() {
        this(Interleaved.Timing.CPU, SMALL, LARGE);
    }

    /** Tests use short timings and small sizes. */
    public SadBench(Interleaved.Timing timing, int small, int large) {
        this.timing = timing;
        this.small = small;
        this.large = large;
    }

    @Override
    public String name() {
        return "sad";
    }

    @Override
    public String description() {
        return "SAD lookup by SPI and insert with " + BenchRow.count(large) + " SAs against " + BenchRow.count(small)
                + "; heap per SA";
    }

    @Override
    public List<BenchRow> run(BenchRun run) throws Exception {
        Sad smallSad = filled(small);
        long before = usedHeap();
        long start = System.nanoTime();
        Sad largeSad = filled(large);
        long after = usedHeap();
        run.say(String.format(Locale.ROOT, "%d SAs added in %.1f s", large, (System.nanoTime() - start) / 1e9));
        long bytesPerSa = (after - before) / large - KEY_BYTES;
        List<Interleaved.Case> cases = List.of(
                lookups(smallSad, small, "lookup " + small),
                lookups(largeSad, large, "lookup " + large),
                inserts(smallSad, large + 1, "insert " + small),
                inserts(largeSad, large + 1 + KEYS, "insert " + large),
                outbound(smallSad, small, "outbound " + small),
                outbound(largeSad, large, "outbound " + large),
                new Interleaved.Case("random read", RandomRead.op(RandomRead.keyBytes(large), large)));
        Interleaved.Rates rates = Interleaved.measure(cases, run, timing);
        if (smallSad.size() != small || largeSad.size() != large) {
            throw new IllegalStateException("SAD sizes changed: " + smallSad.size() + ", " + largeSad.size());
        }
        String big = BenchRow.count(large);
        String little = BenchRow.count(small);
        String read = nanos(rates.median(6)) + " random read of " + RandomRead.size(RandomRead.keyBytes(large));
        return List.of(
                BenchRow.info("lookup by SPI, " + big + " SAs vs " + little, nanos(rates.median(1)),
                        nanos(rates.median(0)), 1 / rates.medianRatio(1, 0)),
                BenchRow.atMost("insert+delete, " + big + " SAs vs " + little, nanos(rates.median(3)),
                        nanos(rates.median(2)), 1 / rates.medianRatio(3, 2), TIME_TARGET),
                BenchRow.info("outbound SA choice, " + big + " SAs vs " + little, nanos(rates.median(5)),
                        nanos(rates.median(4)), 1 / rates.medianRatio(5, 4)),
                BenchRow.atMost("lookup by SPI, " + big + " SAs vs memory", nanos(rates.median(1)), read,
                        1 / rates.medianRatio(1, 6), MEMORY_TARGET),
                BenchRow.atMost("outbound SA choice, " + big + " SAs vs memory", nanos(rates.median(5)), read,
                        1 / rates.medianRatio(5, 6), MEMORY_TARGET),
                BenchRow.info("insert+delete, " + big + " SAs vs memory", nanos(rates.median(3)), read,
                        1 / rates.medianRatio(3, 6)),
                BenchRow.atMost("heap per SA beyond keys, " + big + " SAs", bytesPerSa + " B", BYTES_BUDGET + " B",
                        (double) bytesPerSa / BYTES_BUDGET, 1.0));
    }

    private static Interleaved.Case lookups(Sad sad, int size, String label) {
        Random rnd = new Random(size);
        IpAddress[] dsts = new IpAddress[KEYS];
        long[] spis = new long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            int n = rnd.nextInt(size);
            dsts[i] = dst(n); // a fresh object, as a packet off the wire gives
            spis[i] = spi(n);
        }
        int[] next = new int[1];
        return new Interleaved.Case(label, () -> {
            int i = next[0]++ & (KEYS - 1);
            if (SpiLookup.inbound(sad, dsts[i], SaType.ESP, spis[i]) == null) {
                throw new IllegalStateException("SA not found: spi " + spis[i]);
            }
        });
    }

    /** The SA an outbound packet of one of {@link #KEYS} flows uses, each flow's packets in turn. */
    private static Interleaved.Case outbound(Sad sad, int size, String label) {
        Random rnd = new Random(size + 1);
        SecurityAssociation[] flows = new SecurityAssociation[KEYS];
        for (int i = 0; i < KEYS; i++) {
            flows[i] = sa(rnd.nextInt(size));
        }
        int[] next = new int[1];
        return new Interleaved.Case(label, () -> {
            SecurityAssociation f = flows[next[0]++ & (KEYS - 1)];
            if (sad.findOutbound(f.src(), f.dst(), SaType.ESP, SaMode.TRANSPORT, 0, false).isEmpty()) {
                throw new IllegalStateException("no outbound SA for " + f.src() + " -> " + f.dst());
            }
        });
    }

    /** Adds one SA not in the SAD and deletes it again, so the SAD keeps its size. */
    private static Interleaved.Case inserts(Sad sad, int from, String label) {
        SecurityAssociation[] fresh = new SecurityAssociation[KEYS];
        SaId[] ids = new SaId[KEYS];
        for (int i = 0; i < KEYS; i++) {
            fresh[i] = sa(from + i);
            ids[i] = fresh[i].id();
        }
        int[] next = new int[1];
        return new Interleaved.Case(label, () -> {
            int i = next[0]++ & (KEYS - 1);
            sad.add(fresh[i]);
            sad.delete(ids[i]);
        });
    }

    private static Sad filled(int count) {
        Sad sad = new Sad(Clock.systemUTC(), new EventBus());
        for (int i = 0; i < count; i++) {
            sad.add(sa(i));
        }
        return sad;
    }

    static SecurityAssociation sa(int i) {
        IpAddress src = IpAddress.of(new byte[] {10, 1, (byte) (i >>> 8), (byte) i});
        byte[] enc = new byte[16];
        byte[] auth = new byte[20];
        Arrays.fill(enc, (byte) i);
        Arrays.fill(auth, (byte) (i >>> 3));
        return new SecurityAssociation(src, dst(i), SaType.ESP, spi(i), SaMode.ANY, 0, 0, 0, AES, enc, SHA1, auth,
                null, null, null, null);
    }

    private static long spi(int i) {
        return 0x1000L + i;
    }

    private static IpAddress dst(int i) {
        return IpAddress.of(new byte[] {10, 2, (byte) (i >>> 16), (byte) (i >>> 8)});
    }

    private static String nanos(double perSecond) {
        return String.format(Locale.ROOT, "%.0f ns", 1e9 / perSecond);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
