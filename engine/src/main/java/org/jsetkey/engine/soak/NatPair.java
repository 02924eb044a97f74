package org.jsetkey.engine.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.nat.NatRule;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.sysctl.SysctlNames;

/**
 * The soak's NAT-T pair: kestrel (10.0.1.10) behind a router whose NAT maps it to 203.0.113.1,
 * osprey (198.51.100.30) outside, ESP in UDP (aes-gcm-16, transport) both ways through the NAT,
 * NAT-keepalives every second. Its own three hosts, so its account does not mix with phoenix's
 * and cardinal's: every flood packet is delivered (or lost in a socket buffer the kernel counted),
 * nothing is dropped, the NAT holds one translation and osprey follows the port the NAT chose.
 */
final class NatPair {
    /** Flood packets per second each way. */
    static final int RATE = 100;
    static final String[] NAMES = {"kestrel", "osprey"};
    private static final IpAddress KESTREL = IpAddress.parse("10.0.1.10");
    private static final IpAddress NAT = IpAddress.parse("203.0.113.1");
    private static final IpAddress OSPREY = IpAddress.parse("198.51.100.30");
    private static final String KEY = "0x" + "5a".repeat(20);

    private final Host kestrel = new Host(NAMES[0]);
    private final Host router = new Host("nat-router");
    private final Host osprey = new Host(NAMES[1]);
    private final Host[] all = {kestrel, router, osprey};
    private final SoakTally tally;
    final AtomicLong[] sent = {new AtomicLong(), new AtomicLong()};
    final AtomicLong[] received = {new AtomicLong(), new AtomicLong()};
    private final Map<DropReason, AtomicLong> drops = new EnumMap<>(DropReason.class);
    private long[] kernelBefore;

    NatPair(SoakTally tally) {
        this.tally = tally;
        for (DropReason r : DropReason.values()) {
            drops.put(r, new AtomicLong());
        }
    }

    private static Prefix net(String a, int len) {
        return new Prefix(IpAddress.parse(a), len);
    }

    void start() throws IOException {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        kestrel.addAddress(KESTREL);
        router.addAddress(IpAddress.parse("10.0.1.1"));
        router.addAddress(NAT);
        osprey.addAddress(OSPREY);
        for (Host h : all) {
            h.listen(any);
        }
        kestrel.addPeer(new Peer(router.link().localAddress(), List.of(net("0.0.0.0", 0))));
        router.addPeer(new Peer(kestrel.link().localAddress(), List.of(net("10.0.1.0", 24))));
        router.addPeer(new Peer(osprey.link().localAddress(), List.of(net("198.51.100.0", 24))));
        osprey.addPeer(new Peer(router.link().localAddress(), List.of(net("203.0.113.0", 24))));
        router.sysctl().setInt(SysctlNames.IP_FORWARDING, 1);
        router.nat().add(new NatRule("lnk0", net("10.0.1.0", 24), NAT));
        String alg = " -m transport -E aes-gcm-16 " + KEY + ";\n";
        load(kestrel, "add 10.0.1.10[4500] 198.51.100.30[4500] esp-udp 0x4e00" + alg
                + "add 198.51.100.30[4500] 10.0.1.10[4500] esp-udp 0x4e01" + alg
                + "spdadd 10.0.1.10 198.51.100.30 udp -P out ipsec esp/transport//require;\n"
                + "spdadd 198.51.100.30 10.0.1.10 udp -P in ipsec esp/transport//require;\n");
        load(osprey, "add 203.0.113.1[4500] 198.51.100.30[4500] esp-udp 10.0.1.10 0x4e00" + alg
                + "add 198.51.100.30[4500] 203.0.113.1[4500] esp-udp 0x4e01" + alg
                + "spdadd 198.51.100.30 203.0.113.1 udp -P out ipsec esp/transport//require;\n"
                + "spdadd 203.0.113.1 198.51.100.30 udp -P in ipsec esp/transport//require;\n");
        kestrel.onDelivered(d -> {
            if (d.view().source().equals(OSPREY)) {
                received[1].incrementAndGet();
            }
        });
        osprey.onDelivered(d -> {
            if (d.view().source().equals(NAT)) {
                received[0].incrementAndGet();
            }
        });
        for (Host h : all) {
            h.events().subscribe(e -> {
                if (e instanceof KeyEvent.Drop d) {
                    drops.get(d.reason()).incrementAndGet();
                } else if (e instanceof KeyEvent.Acquire) {
                    tally.error(h.name() + ": ACQUIRE on the NAT-T pair");
                }
            });
            h.sysctl().setInt(SysctlNames.IPSEC_NATT_KEEPALIVE, 1);
            h.startTimers();
        }
        kernelBefore = kernelDrops();
    }

    private long[] kernelDrops() {
        long[] k = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            k[i] = SocketDrops.of(all[i].link().localAddress());
        }
        return k;
    }

    private void load(Host h, String text) {
        SetkeyResult r = new Setkey(h.sad(), h.spd(), 1).run(text, h.name() + ".conf", new SetkeyListener() {
            @Override
            public void output(String t) {
            }

            @Override
            public void diagnostic(org.jsetkey.engine.setkey.Diagnostic d) {
                tally.error(h.name() + ": " + d.format());
            }
        });
        if (r.failed()) {
            tally.error(h.name() + ": the NAT-T SAs were refused");
        }
    }

    /**
     * UDP to port 9 at {@link #RATE} a second; osprey starts when the first of kestrel's arrived,
     * as a reply only finds its way back once the NAT has a translation.
     */
    void flood(int direction, long start, long end, java.util.function.BooleanSupplier running)
            throws InterruptedException {
        Host from = direction == 0 ? kestrel : osprey;
        IpAddress src = direction == 0 ? KESTREL : OSPREY;
        IpAddress dst = direction == 0 ? OSPREY : NAT;
        while (direction == 1 && received[0].get() == 0 && running.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        long begin = System.nanoTime();
        byte[] payload = new byte[64];
        for (long i = 0; running.getAsBoolean() && System.nanoTime() < end; i++) {
            long due = begin + i * 1_000_000_000L / RATE;
            long ahead = due - System.nanoTime();
            if (ahead > 1_000_000) {
                Thread.sleep(ahead / 1_000_000);
            }
            byte[] ip = IpPacket.build(src, dst, IpProtocol.UDP.number(),
                    UdpHeader.build(src, dst, 40000, 9, payload), (int) (i & 0xffff), 64);
            sent[direction].incrementAndGet();
            if (!from.send(ip)) {
                tally.error(NAMES[direction] + ": NAT-T flood packet " + i + " was not sent");
            }
        }
    }

    /** The interval line. */
    String line() {
        return String.format("        nat-t: kestrel>osprey %d sent %d recv; osprey>kestrel %d sent %d recv;"
                + " keepalives %d; drops %s", sent[0].get(), received[0].get(), sent[1].get(), received[1].get(),
                kestrel.natt().keepalivesSentCount() + osprey.natt().keepalivesSentCount(), SoakTally.nonZero(drops));
    }

    /** The final account; errors go to the soak's tally. */
    void account(java.util.function.Consumer<String> out) {
        long[] now = kernelDrops();
        long kernel = 0;
        for (int i = 0; i < now.length; i++) {
            kernel += now[i] < 0 || kernelBefore[i] < 0 ? 0 : now[i] - kernelBefore[i];
        }
        long lost = sent[0].get() - received[0].get() + sent[1].get() - received[1].get();
        long dropped = drops.values().stream().mapToLong(AtomicLong::get).sum();
        out.accept("  nat-t through the NAT: kestrel -> osprey " + sent[0] + " sent, " + received[0]
                + " delivered; osprey -> kestrel " + sent[1] + " sent, " + received[1] + " delivered; dropped "
                + dropped + " (" + SoakTally.nonZero(drops) + "), socket buffers (kernel) " + kernel
                + "; keepalives sent " + (kestrel.natt().keepalivesSentCount() + osprey.natt().keepalivesSentCount())
                + ", received " + (kestrel.natt().keepalivesReceivedCount() + osprey.natt().keepalivesReceivedCount()));
        out.accept("  nat table: " + router.nat().mappings().size() + " translation(s); osprey followed "
                + osprey.natt().portChangeCount() + " port change(s)");
        if (dropped != 0) {
            tally.error("nat-t: " + dropped + " packets dropped on the NAT-T pair: " + SoakTally.nonZero(drops));
        }
        if (lost > kernel) {
            tally.error("nat-t: " + (lost - kernel) + " flood packets lost without the kernel counting them");
        }
        if (received[0].get() == 0 || received[1].get() == 0) {
            tally.error("nat-t: no traffic crossed the NAT in one direction");
        }
        if (osprey.natt().portChangeCount() != 1) {
            tally.error("nat-t: osprey followed " + osprey.natt().portChangeCount() + " port changes (expected 1)");
        }
    }

    void close() {
        for (Host h : all) {
            h.close();
        }
    }
}
