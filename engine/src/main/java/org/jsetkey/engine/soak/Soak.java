package org.jsetkey.engine.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.Impairment;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.soak.SoakTally.Count;
import org.jsetkey.engine.stack.Host;

/**
 * The soak: phoenix and cardinal in this JVM on a loopback link, an ESP (aes-gcm-16, transport)
 * flood both ways at a fixed rate, the key churn of {@link Churn}, and forged packets ({@link Fuzz})
 * to cardinal, for a bounded time; beside them a NAT-T pair through a NAT ({@link NatPair}). It prints a line every reporting interval and an account at
 * the end (see {@link SoakReport}); it passes when no thread failed, no statement was refused, no
 * flood packet was lost or dropped, every forged packet was dropped and counted, and the heap
 * after GC stayed flat. Over an impaired link flood packets may be lost by the impairment or
 * dropped with a reason (a corrupted ICV, a replayed duplicate), and the account must still balance.
 */
public final class Soak {
    /** Flood packets per second in each direction. */
    public static final int RATE = 400;
    /** Forged packets per second to cardinal. */
    public static final int FUZZ_RATE = 40;
    static final String[] ADDRESSES = {"192.0.2.10", "198.51.100.20"};
    static final String[] NAMES = {"phoenix", "cardinal"};
    private static final int PAYLOAD = 100;
    private static final long STEP_MILLIS = 250;

    private final int seconds;
    private final Impairment impairment;
    private final Consumer<String> out;
    private final SoakTally tally = new SoakTally();
    private final Host[] hosts = {new Host(NAMES[0]), new Host(NAMES[1])};
    private final NatPair natPair = new NatPair(tally);
    private final List<Thread> threads = new ArrayList<>();
    private final ThreadLocal<Boolean> forging = ThreadLocal.withInitial(() -> false);
    private volatile boolean running = true;
    private volatile byte[] lastSent;
    private volatile byte[] sentBefore;

    /** @param out where each line goes (without its line break) */
    public Soak(int seconds, Consumer<String> out) {
        this(seconds, null, out);
    }

    /**
     * A soak over an impaired link: each host puts {@code impairment} on what it sends (phoenix
     * with its seed, cardinal with the seed + 1); null for a perfect link.
     */
    public Soak(int seconds, Impairment impairment, Consumer<String> out) {
        this.seconds = seconds;
        this.impairment = impairment;
        this.out = out;
    }

    /** Runs the soak; true when it passed. */
    public boolean run() throws IOException, InterruptedException {
        try {
            return soak();
        } finally {
            running = false;
            for (Thread t : threads) {
                t.join(5000);
            }
            for (Host h : hosts) {
                h.close();
            }
            natPair.close();
        }
    }

    private boolean soak() throws IOException, InterruptedException {
        for (int i = 0; i < 2; i++) {
            hosts[i].addAddress(IpAddress.parse(ADDRESSES[i]));
            hosts[i].listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
        for (int i = 0; i < 2; i++) {
            hosts[i].addPeer(new Peer(hosts[1 - i].link().localAddress(), List.of()));
        }
        Impairment[] impaired = new Impairment[2];
        if (impairment != null) {
            long seed = impairment.seed() != null ? impairment.seed()
                    : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
            for (int i = 0; i < 2; i++) {
                impaired[i] = hosts[i].link().impair(hosts[i].link().peers().get(0), impairment.withSeed(seed + i));
            }
        }
        awaitAnnouncements();
        natPair.start();
        Setkey[] setkeys = {new Setkey(hosts[0].sad(), hosts[0].spd(), 1), new Setkey(hosts[1].sad(), hosts[1].spd(), 1)};
        Churn churn = new Churn(setkeys, ADDRESSES, tally);
        churn.start();
        watch();
        long[] kernelBefore = {SocketDrops.of(hosts[0].link().localAddress()),
            SocketDrops.of(hosts[1].link().localAddress())};
        SoakReport report = new SoakReport(tally, hosts, kernelBefore, impaired, out);
        report.header(seconds);
        for (Host h : hosts) {
            h.startTimers();
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        spawn("soak-flood-phoenix", () -> flood(0, start, end));
        spawn("soak-flood-cardinal", () -> flood(1, start, end));
        spawn("soak-fuzz", () -> fuzz(start, end));
        spawn("soak-natt-kestrel", () -> natPair.flood(0, start, end, () -> running));
        spawn("soak-natt-osprey", () -> natPair.flood(1, start, end, () -> running));
        long interval = Math.max(1, seconds / 20) * 1_000_000_000L;
        long nextReport = start + interval;
        long nextStep = start;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now >= nextStep) {
                churn.step(System.currentTimeMillis());
                nextStep += STEP_MILLIS * 1_000_000L;
            }
            if (now >= nextReport) {
                report.line((now - start) / 1_000_000_000L);
                out.accept(natPair.line());
                nextReport += interval;
            }
            Thread.sleep(Math.max(1, Math.min(nextStep, Math.min(nextReport, end)) - System.nanoTime()) / 1_000_000
                    + 1);
        }
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
            if (t.isAlive()) {
                tally.error(t.getName() + " did not stop within 10 s of the end");
            }
        }
        churn.finish();
        report.quiesce();
        report.alsoAccount(() -> natPair.account(out));
        return report.end((System.nanoTime() - start) / 1_000_000_000L);
    }

    private void awaitAnnouncements() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Host h : hosts) {
            while (h.link().announcedName(h.link().peers().get(0)) == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
    }

    /** Counts deliveries, drops, expiries and ACQUIREs as they happen; keeps the flood's last packets for the forger. */
    private void watch() {
        for (int i = 0; i < 2; i++) {
            int direction = 1 - i;
            Host h = hosts[i];
            h.onDelivered(d -> tally.received[direction].incrementAndGet());
            h.events().subscribe(e -> {
                if (e instanceof KeyEvent.Drop d) {
                    tally.drops.get(direction).get(d.reason()).incrementAndGet();
                } else if (e instanceof KeyEvent.Expire x) {
                    if (x.sa().sa().spi() >= Churn.SHORT_SPI && x.sa().sa().spi() < Churn.SHORT_SPI + 0x10000) {
                        tally.add(x.hard() ? Count.HARD_EXPIRED : Count.SOFT_EXPIRED);
                    } else {
                        tally.error(h.name() + ": an SA without lifetimes expired: " + x.sa().id());
                    }
                } else if (e instanceof KeyEvent.Acquire) {
                    tally.error(h.name() + ": ACQUIRE: an outbound flood packet found no SA");
                }
            });
        }
        hosts[0].link().tap(p -> {
            if (p.direction() == LinkDirection.OUT && !p.control() && !forging.get()) {
                sentBefore = lastSent;
                lastSent = p.bytes();
            }
        });
    }

    private void spawn(String name, Work work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                tally.error(Thread.currentThread().getName() + ": " + e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private interface Work {
        void run() throws Exception;
    }

    /** UDP to port 9 through the sender's SPD and SA, paced at {@link #RATE} a second. */
    private void flood(int direction, long start, long end) throws InterruptedException {
        IpAddress src = IpAddress.parse(ADDRESSES[direction]);
        IpAddress dst = IpAddress.parse(ADDRESSES[1 - direction]);
        byte[] payload = new byte[PAYLOAD];
        long limit = (long) RATE * seconds;
        for (long i = 0; i < limit && running && System.nanoTime() < end; i++) {
            pace(start, i, RATE);
            byte[] ip = IpPacket.build(src, dst, IpProtocol.UDP.number(), UdpHeader.build(src, dst, 40000, 9, payload),
                    (int) (i & 0xffff), 64);
            tally.sent[direction].incrementAndGet();
            if (!hosts[direction].send(ip)) {
                tally.error(NAMES[direction] + ": flood packet " + i + " was not sent");
            }
        }
    }

    /** Forged variants of phoenix's flood packets, straight onto the link to cardinal. */
    private void fuzz(long start, long end) throws InterruptedException {
        Random random = new Random(20261201);
        Fuzz[] kinds = Fuzz.values();
        IpAddress cardinal = IpAddress.parse(ADDRESSES[1]);
        forging.set(true);
        long limit = (long) FUZZ_RATE * seconds;
        for (long i = 0; i < limit && running && System.nanoTime() < end; i++) {
            pace(start, i, FUZZ_RATE);
            // the packet before the last: it has left phoenix's socket, so its copy arrives after it
            byte[] base = sentBefore;
            if (base == null) {
                continue;
            }
            Fuzz kind = kinds[(int) (i % kinds.length)];
            if (hosts[0].link().send(kind.apply(base, random), cardinal)) {
                tally.fuzzed.incrementAndGet();
                tally.fuzzedByKind.get(kind).incrementAndGet();
            } else {
                tally.error("phoenix: a forged packet could not be sent");
            }
        }
    }

    private static void pace(long start, long i, int rate) throws InterruptedException {
        long due = start + i * 1_000_000_000L / rate;
        long ahead = due - System.nanoTime();
        if (ahead > 1_000_000) {
            Thread.sleep(ahead / 1_000_000);
        }
    }
}
