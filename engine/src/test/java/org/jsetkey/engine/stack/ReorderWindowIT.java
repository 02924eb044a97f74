package org.jsetkey.engine.stack;

import static org.jsetkey.engine.stack.LabPair.CARDINAL;
import static org.jsetkey.engine.stack.LabPair.PHOENIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.link.ImpairStats;
import org.jsetkey.engine.link.Impairment;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.XformStat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 1,000 ESP packets over a link with {@code reorder 25% delay 5ms}: with {@code -r 32} (256 packets)
 * every one is delivered; with {@code -r 1} (8 packets) the replay drops are exactly the packets
 * that arrived left of the window, as this test computes from the order it saw them arrive.
 * Packets go in batches of 20, each waited for, so no packet moves more than 19 places whatever
 * the load on the machine: the outcome is decided by counts, not by timing.
 */
class ReorderWindowIT {
    private static final int PACKETS = 1000;
    private static final int BATCH = 20;
    private final LabPair lab;

    ReorderWindowIT() throws Exception {
        lab = new LabPair();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private record Outcome(List<Long> arrivals, long delivered, long replayDrops, ImpairStats impaired) {
    }

    private Outcome send(int replayBytes) throws Exception {
        String key = "0x" + "5a".repeat(20);
        String sas = "flush;\nspdflush;\nadd 192.0.2.10 198.51.100.20 esp 0x2001 -r " + replayBytes
                + " -E aes-gcm-16 " + key + ";\n";
        LabPair.load(lab.phoenix, sas + "spdadd 192.0.2.10 198.51.100.20 udp -P out ipsec esp/transport//require;\n");
        LabPair.load(lab.cardinal, sas + "spdadd 192.0.2.10 198.51.100.20 udp -P in ipsec esp/transport//require;\n");
        Peer toCardinal = lab.phoenix.link().peers().get(0);
        lab.phoenix.link().impair(toCardinal, Impairment.parse(List.of("reorder", "25%", "delay", "5ms", "seed", "1")));
        List<Long> arrivals = new ArrayList<>();
        lab.cardinal.link().tap(p -> {
            byte[] b = p.bytes();
            if (p.direction() == LinkDirection.IN && !p.control() && b[9] == IpProtocol.ESP.number()) {
                synchronized (arrivals) {
                    arrivals.add(PacketView.u32(b, 24)); // ESP sequence number after a 20-byte IPv4 header
                }
            }
        });
        AtomicLong delivered = new AtomicLong();
        lab.cardinal.onDelivered(d -> delivered.incrementAndGet());
        for (int i = 0; i < PACKETS; i++) {
            byte[] udp = UdpHeader.build(PHOENIX, CARDINAL, 40000, 9, new byte[64]);
            assertTrue(lab.phoenix.send(IpPacket.build(PHOENIX, CARDINAL, IpProtocol.UDP.number(), udp, i, 64)));
            if ((i + 1) % BATCH == 0) {
                awaitArrivals(arrivals, i + 1);
            }
        }
        awaitArrivals(arrivals, PACKETS);
        long deadline = System.nanoTime() + 10_000_000_000L;
        long replays;
        do {
            replays = lab.cardinal.counters().get(SaType.ESP, XformStat.REPLAY);
            Thread.sleep(5);
        } while (delivered.get() + replays < PACKETS && System.nanoTime() < deadline);
        synchronized (arrivals) {
            return new Outcome(List.copyOf(arrivals), delivered.get(), replays,
                    lab.phoenix.link().impairStats(toCardinal));
        }
    }

    private static void awaitArrivals(List<Long> arrivals, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (arrivals) {
                if (arrivals.size() >= n) {
                    return;
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError("only " + arrivals.size() + " of " + n + " ESP packets arrived");
    }

    /** RFC 4303 §3.4.3 with a window of {@code w}: a packet at or left of T - W, or seen before, is refused. */
    private static long outsideTheWindow(List<Long> arrivals, int w) {
        long top = 0;
        Set<Long> seen = new HashSet<>();
        long refused = 0;
        for (long seq : arrivals) {
            if (seq + w <= top || !seen.add(seq)) {
                refused++;
            } else {
                top = Math.max(top, seq);
            }
        }
        return refused;
    }

    @Test
    void aWindowOf256PacketsTakesEveryReorderedPacket() throws Exception {
        Outcome o = send(32);
        assertEquals(PACKETS, o.arrivals().size());
        assertEquals(new ImpairStats(PACKETS, 0, 0, 0, 734, 266, 0, PACKETS), o.impaired());
        assertTrue(outsideTheWindow(o.arrivals(), 8) > 0, "the arrival order really was shuffled: " + o.arrivals());
        assertEquals(0, outsideTheWindow(o.arrivals(), 256));
        assertEquals(PACKETS, o.delivered());
        assertEquals(0, o.replayDrops());
    }

    @Test
    void aWindowOf8PacketsDropsExactlyThoseThatArrivedLeftOfIt() throws Exception {
        Outcome o = send(1);
        assertEquals(PACKETS, o.arrivals().size());
        long expected = outsideTheWindow(o.arrivals(), 8);
        assertTrue(expected > 50, "reordering 25% by up to 19 places leaves many behind an 8-packet window: " + expected);
        System.out.println("reorder 25% delay 5ms, -r 1: " + expected + " of " + PACKETS + " arrived left of the window");
        assertEquals(expected, o.replayDrops(), "replay drops counted by netstat -s -p esp");
        assertEquals(PACKETS - expected, o.delivered());
        List<String> why = lab.drops(lab.cardinalEvents).stream().map(d -> d.explanation()).toList();
        assertEquals(expected, why.size());
        assertTrue(why.stream().allMatch(w -> w.startsWith("replay on esp spi 8193 (0x00002001) from 192.0.2.10 to"
                + " 198.51.100.20: ESP sequence ") && w.contains(" arrived left of the window (highest seen ")
                && w.endsWith(", window 8)")), why.get(0));
    }
}
