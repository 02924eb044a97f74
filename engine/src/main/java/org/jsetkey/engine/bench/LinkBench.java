package org.jsetkey.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;

/**
 * Part 2, link: a one-way ESP aes-gcm-16 flood of 1400-byte packets between two hosts against a
 * one-way flood between two bare Java UDP sockets, and {@code ping -f} round trips against a bare
 * UDP ping-pong, each pair interleaved in one run. Both floods keep {@value #WINDOW} packets in
 * flight (a window the loopback socket buffer holds), so nothing is lost by design; any loss or
 * drop is counted and fails the row.
 */
public final class LinkBench implements BenchPart {
    static final int WINDOW = 32;
    private static final int PACKET = 1400;
    /** Round trips per side per round: a thousand take some 30 ms, so a round is not one scheduler's whim. */
    private static final int PROBES = 1000;
    /** Windows of the flood whose allocation is counted (as many again warm it first). */
    private static final int ALLOCATION_WINDOWS = 1000;
    private final Interleaved.Timing timing;
    private final int probes;

    public LinkBench() {
        this(Interleaved.Timing.WALL, PROBES);
    }

    /** @param probes ping round trips per side per round (tests use few) */
    public LinkBench(Interleaved.Timing timing, int probes) {
        this.timing = timing;
        this.probes = probes;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public String description() {
        return "ESP aes-gcm-16 flood and ping -f between two hosts against bare UDP sockets";
    }

    @Override
    public List<BenchRow> run(BenchRun run) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        try (LinkPair pair = new LinkPair()) {
            rows.add(flood(pair, run));
            rows.add(allocation(pair));
            rows.add(ping(pair, run));
        }
        return rows;
    }

    private BenchRow flood(LinkPair pair, BenchRun run) throws Exception {
        Semaphore espArrived = new Semaphore(0);
        Semaphore bareArrived = new Semaphore(0);
        long[] lost = new long[2];
        byte[] packet = LinkPair.udpPacket(BenchSa.SRC, BenchSa.DST, PACKET);
        byte[] datagram = new byte[PACKET];
        long before = pair.losses(); // an announcement that crossed before both peers were set counts as foreign
        try (AutoCloseable sub = pair.receiver.onDelivered(d -> espArrived.release());
                BareUdp bare = new BareUdp(false, bareArrived)) {
            Interleaved.Op esp = () -> {
                for (int i = 0; i < WINDOW; i++) {
                    if (!pair.sender.send(packet)) {
                        lost[0]++;
                    }
                }
                lost[0] += awaitWindow(espArrived);
            };
            Interleaved.Op plain = () -> {
                for (int i = 0; i < WINDOW; i++) {
                    bare.send(datagram);
                }
                lost[1] += awaitWindow(bareArrived);
            };
            Interleaved.Rates rates = Interleaved.measure(List.of(new Interleaved.Case("esp flood", esp),
                    new Interleaved.Case("bare udp flood", plain)), run, timing);
            long losses = lost[0] + lost[1] + pair.losses() - before;
            String name = "esp aes-gcm-16 one-way flood, " + PACKET + " B";
            if (losses > 0) {
                name += " (" + losses + " LOST: " + lost[0] + " esp, " + lost[1] + " bare; " + pair.firstDrops() + ")";
            }
            double ratio = rates.medianRatio(0, 1);
            BenchRow row = BenchRow.atLeast(name, BenchRow.count(rates.median(0) * WINDOW) + " pkt/s",
                    BenchRow.count(rates.median(1) * WINDOW) + " pkt/s bare UDP", ratio, 0.85);
            return losses == 0 ? row : new BenchRow(row.name(), row.figure(), row.baseline(), ratio, row.target(),
                    BenchRow.Verdict.MISSED);
        }
    }

    /**
     * What the flood's two threads allocate per packet, once warm ({@link FloodAllocation}), beside
     * what the bare JCE AES/GCM seal+open of the same payload allocates (the cipher's own, which no
     * caller avoids).
     */
    private static BenchRow allocation(LinkPair pair) throws Exception {
        byte[] packet = LinkPair.udpPacket(BenchSa.SRC, BenchSa.DST, PACKET);
        FloodAllocation.measure(pair, packet, ALLOCATION_WINDOWS);
        FloodAllocation.PerPacket made = FloodAllocation.measure(pair, packet, ALLOCATION_WINDOWS);
        Interleaved.Op bare = BareCrypto.aead("AES/GCM/NoPadding", "AES", 16, DatapathBench.padded(PACKET - 20, 4));
        Allocation.perCall(bare, ALLOCATION_WINDOWS * WINDOW);
        double limit = Allocation.perCall(bare, ALLOCATION_WINDOWS * WINDOW);
        return BenchRow.info("esp aes-gcm-16 flood bytes allocated per packet, sending + receiving thread",
                String.format(java.util.Locale.ROOT, "%.0f + %.0f B", made.sending(), made.receiving()),
                String.format(java.util.Locale.ROOT, "%.0f B JCE AES/GCM seal+open", limit),
                (made.sending() + made.receiving()) / limit);
    }

    /** Waits for a window to arrive; returns how many never did (after two seconds). */
    private static int awaitWindow(Semaphore arrived) throws InterruptedException {
        if (arrived.tryAcquire(WINDOW, 2, TimeUnit.SECONDS)) {
            return 0;
        }
        int got = arrived.drainPermits();
        return WINDOW - got;
    }

    private BenchRow ping(LinkPair pair, BenchRun run) throws Exception {
        PingOptions options = new PingOptions(BenchSa.DST, null, probes, 10, 56, 1000, null, true);
        long[] lost = new long[1];
        byte[] probe = new byte[84];
        byte[] reply = new byte[2048];
        try (BareUdp bare = new BareUdp(true, null)) {
            long start = System.nanoTime();
            double previous = 0;
            int calm = 0;
            for (int round = 1; ; round++) {
                double ratio = median(espRtts(pair, options, lost)) / median(bareRtts(bare, probe, reply, lost));
                calm = Math.abs(ratio / previous - 1) < 0.1 ? calm + 1 : 0;
                previous = ratio;
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (round >= 3 && calm >= 2 || elapsed > timing.maxWarmupMillis()) {
                    run.say("ping warm-up: " + (calm >= 2 ? "stable" : "not stable") + " after " + round
                            + " rounds (" + elapsed + " ms)");
                    break;
                }
            }
            lost[0] = 0;
            long before = pair.losses();
            double[] ratios = new double[run.rounds()];
            List<Long> esp = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            for (int r = 0; r < run.rounds(); r++) {
                long[] e = espRtts(pair, options, lost);
                long[] p = bareRtts(bare, probe, reply, lost);
                ratios[r] = median(e) / median(p);
                Arrays.stream(e).forEach(esp::add);
                Arrays.stream(p).forEach(plain::add);
                run.say("ping round " + (r + 1) + "/" + run.rounds() + " done");
            }
            long losses = lost[0] + pair.losses() - before;
            double ratio = Interleaved.median(ratios);
            String name = "ping -f median round trip";
            if (losses > 0) {
                name += " (" + losses + " LOST)";
            }
            BenchRow row = BenchRow.atMost(name, micros(esp), micros(plain) + " bare UDP ping-pong", ratio, 2.0);
            return losses == 0 ? row : new BenchRow(row.name(), row.figure(), row.baseline(), ratio, row.target(),
                    BenchRow.Verdict.MISSED);
        }
    }

    private static long[] espRtts(LinkPair pair, PingOptions options, long[] lost) throws InterruptedException {
        PingResult r = new Ping(pair.sender, options).run(reply -> { });
        lost[0] += r.transmitted() - r.received();
        return r.rttsMicros().stream().mapToLong(Long::longValue).toArray();
    }

    private long[] bareRtts(BareUdp bare, byte[] probe, byte[] reply, long[] lost) throws Exception {
        long[] rtts = new long[probes];
        int n = 0;
        for (int i = 0; i < probes; i++) {
            long t0 = System.nanoTime();
            if (bare.pingPong(probe, reply)) {
                rtts[n++] = (System.nanoTime() - t0) / 1000;
            } else {
                lost[0]++;
            }
        }
        return Arrays.copyOf(rtts, n);
    }

    private static double median(long[] v) {
        return v.length == 0 ? Double.NaN : Interleaved.median(Arrays.stream(v).asDoubleStream().toArray());
    }

    private static String micros(List<Long> rtts) {
        return String.format(java.util.Locale.ROOT, "%.0f us",
                Interleaved.median(rtts.stream().mapToDouble(Long::doubleValue).toArray()));
    }
}
