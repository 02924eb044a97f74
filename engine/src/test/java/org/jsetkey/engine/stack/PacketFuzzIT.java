package org.jsetkey.engine.stack;

import static org.jsetkey.engine.stack.LabPair.CARDINAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile packets at cardinal's input: bit flips, truncations, lying lengths, bogus next
 * headers, padding past the payload, nested tunnels, IPComp bombs, fragments, IPv6 extension
 * chains, garbage. Every one is dropped and counted with a reason (none delivered), each kind
 * reaches the reasons it should, the databases do not change, the heap stays flat, the link
 * thread survives datagrams sent through the real socket, and the hosts still ping.
 * {@code -Djsetkey.fuzz.packets=N} (default 100,000) and {@code -Djsetkey.fuzz.seed=S}.
 */
class PacketFuzzIT {
    private static final int IPCOMP_CPI = 0x5000;
    private final LabPair lab;

    PacketFuzzIT() throws Exception {
        lab = new LabPair();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    enum Kind { BIT_FLIP, TRUNCATE, LYING_LENGTH, BOGUS_PROTOCOL, PADDING, NESTED_TUNNEL, IPCOMP_BOMB, FRAGMENT,
        IPV6_CHAIN, GARBAGE }

    @Test
    void hostilePacketsAreAllDroppedWithAReason() throws Exception {
        int count = Integer.getInteger("jsetkey.fuzz.packets", 100_000);
        long seed = Long.getLong("jsetkey.fuzz.seed", 20261201L);
        lab.howto("require");
        // replay protection on cardinal's inbound SAs (the how-to's have none), so replays are dropped too
        LabPair.load(lab.cardinal, "update 192.0.2.10 198.51.100.20 ah 15700 -r 32 -A hmac-md5 \"1234567890123456\";\n"
                + "update 192.0.2.10 198.51.100.20 esp 15701 -r 32 -E blowfish-cbc \"12345\";\n"
                + "add 192.0.2.10 198.51.100.20 ipcomp " + IPCOMP_CPI + " -C deflate;\n"
                + "spdadd 2001:db8:1::10 2001:db8:2::20 any -P in ipsec esp/transport//require;\n");
        List<byte[]> wire = new CopyOnWriteArrayList<>();
        lab.cardinal.link().tap(p -> {
            if (p.direction() == LinkDirection.IN && !p.control()) {
                wire.add(p.bytes());
            }
        });
        assertEquals(3, lab.ping(lab.phoenix, CARDINAL, 3).received());
        // a flipped address bit leaves every policy's selector: with def_policy=1 such a packet would
        // pass in the clear (correctly); the hardened host discards what no policy covers
        lab.cardinal.sysctl().setInt(SysctlNames.IPSEC_DEF_POLICY, 0);
        String sadBefore = databases();
        Thread fuzzer = Thread.currentThread();
        AtomicInteger delivered = new AtomicInteger();
        Map<Kind, Map<DropReason, Integer>> byKind = new ConcurrentHashMap<>();
        Kind[] current = new Kind[1];
        List<String> deliveredWhat = new CopyOnWriteArrayList<>();
        lab.cardinal.onDelivered(d -> {
            if (Thread.currentThread() == fuzzer) {
                delivered.incrementAndGet();
                deliveredWhat.add(current[0] + ": " + d);
            }
        });
        AtomicInteger dropped = new AtomicInteger();
        AtomicInteger linkThreadDrops = new AtomicInteger();
        lab.cardinal.events().subscribe(e -> {
            if (e instanceof KeyEvent.Drop d) {
                if (Thread.currentThread() == fuzzer) {
                    dropped.incrementAndGet();
                    byKind.computeIfAbsent(current[0], k -> new TreeMap<>()).merge(d.reason(), 1, Integer::sum);
                } else {
                    linkThreadDrops.incrementAndGet();
                }
            }
        });
        Random random = new Random(seed);
        Kind[] kinds = Kind.values();
        long heapAtTenth = 0;
        for (int i = 0; i < count; i++) {
            if (i == count / 10) {
                heapAtTenth = usedHeap();
            }
            current[0] = kinds[i % kinds.length];
            byte[] base = wire.get(random.nextInt(wire.size())).clone();
            lab.cardinal.receive(packet(current[0], base, random));
        }
        long heapAtEnd = usedHeap();
        System.out.printf("packet fuzz: %d packets (seed %d): %d dropped, %d delivered; heap %d MB at 10%%, %d MB at"
                + " the end%n", count, seed, dropped.get(), delivered.get(), heapAtTenth >> 20, heapAtEnd >> 20);
        byKind.forEach((k, m) -> System.out.printf("  %-14s %s%n", k, m));
        assertEquals(count, dropped.get() + delivered.get(), "every packet is one counted drop or delivered");
        assertEquals(0, delivered.get(), () -> "nothing forged or replayed gets through: " + deliveredWhat);
        // each kind ends where it should
        expect(byKind, Kind.TRUNCATE, DropReason.MALFORMED, DropReason.TOO_SHORT);
        expect(byKind, Kind.BIT_FLIP, DropReason.AUTH_FAILED, DropReason.REPLAY, DropReason.UNKNOWN_SPI,
                DropReason.MALFORMED);
        expect(byKind, Kind.LYING_LENGTH, DropReason.MALFORMED);
        expect(byKind, Kind.BOGUS_PROTOCOL, DropReason.IN_POLICY_VIOLATION);
        expect(byKind, Kind.PADDING, DropReason.REPLAY);
        expect(byKind, Kind.NESTED_TUNNEL, DropReason.IN_POLICY_VIOLATION);
        expect(byKind, Kind.IPCOMP_BOMB, DropReason.CRYPTO_FAILED);
        expect(byKind, Kind.FRAGMENT, DropReason.MALFORMED);
        expect(byKind, Kind.IPV6_CHAIN, DropReason.MALFORMED, DropReason.UNKNOWN_SPI);
        assertTrue(heapAtEnd - heapAtTenth < 64L << 20, "heap grew from " + (heapAtTenth >> 20) + " MB to "
                + (heapAtEnd >> 20) + " MB");
        // the same through the real sockets: from phoenix's link the link thread drops them and lives on
        int viaSocket = Math.max(1000, count / 100);
        long malformedBefore = lab.cardinal.link().malformedDatagrams();
        for (int i = 0; i < viaSocket; i++) {
            byte[] p = packet(kinds[i % kinds.length], wire.get(random.nextInt(wire.size())).clone(), random);
            lab.phoenix.link().send(p, CARDINAL);
            if (i % 100 == 0) {
                Thread.sleep(5);
            }
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        // datagrams that are no IP packet at all are counted by the link itself; loopback UDP may lose some
        while (linkThreadDrops.get() + lab.cardinal.link().malformedDatagrams() - malformedBefore < viaSocket / 2
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long malformed = lab.cardinal.link().malformedDatagrams() - malformedBefore;
        System.out.printf("  via the link: %d datagrams, %d dropped by the datapath, %d malformed at the link%n",
                viaSocket, linkThreadDrops.get(), malformed);
        assertTrue(linkThreadDrops.get() + malformed >= viaSocket / 2, "the link thread counted "
                + linkThreadDrops.get() + " drops and " + malformed + " malformed of " + viaSocket + " datagrams");
        // from a stranger (not a peer): counted as foreign at the link, never reaching the datapath
        long foreign = lab.cardinal.link().foreignDatagrams();
        int stranger = 200;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < stranger; i++) {
                byte[] p = wire.get(random.nextInt(wire.size()));
                s.send(new DatagramPacket(p, p.length, lab.cardinal.link().localAddress()));
            }
        }
        deadline = System.nanoTime() + 10_000_000_000L;
        while (lab.cardinal.link().foreignDatagrams() < foreign + stranger * 9 / 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(lab.cardinal.link().foreignDatagrams() >= foreign + stranger * 9 / 10, "foreign: "
                + lab.cardinal.link().foreignDatagrams());
        assertEquals(0, lab.cardinal.link().handlerFailures(), "no packet made the receive handler throw");
        assertEquals(sadBefore, databases(), "the SAD and SPD are as they were (but counters)");
        lab.cardinal.sysctl().setInt(SysctlNames.IPSEC_DEF_POLICY, 1);
        assertEquals(2, lab.ping(lab.phoenix, CARDINAL, 2).received(), "the hosts still work");
    }

    private static void expect(Map<Kind, Map<DropReason, Integer>> byKind, Kind kind, DropReason... reasons) {
        Map<DropReason, Integer> seen = byKind.getOrDefault(kind, Map.of());
        for (DropReason r : reasons) {
            assertTrue(seen.containsKey(r), kind + " should reach " + r + ": " + seen);
        }
    }

    /** SA identities and states, and the policies: what must not change (counters may). */
    private String databases() {
        StringBuilder sb = new StringBuilder();
        lab.cardinal.sad().snapshot().forEach(e -> sb.append(e.sa().id()).append(' ').append(e.state()).append('\n'));
        lab.cardinal.spd().snapshot().forEach(e -> sb.append(e.id()).append(' ').append(e.policy()).append('\n'));
        return sb.toString();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static byte[] packet(Kind kind, byte[] p, Random random) {
        switch (kind) {
            case BIT_FLIP: {
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    int at = 1 + random.nextInt(p.length - 1);
                    p[at] ^= (byte) (1 << random.nextInt(8));
                }
                return p;
            }
            case TRUNCATE: {
                byte[] q = Arrays.copyOf(p, random.nextInt(p.length));
                if (random.nextBoolean() && q.length >= 20) {
                    // the IP header agrees with the cut: what is short is the AH/ESP inside
                    q[2] = (byte) (q.length >> 8);
                    q[3] = (byte) q.length;
                    return ipv4Checksum(q);
                }
                return q;
            }
            case LYING_LENGTH: {
                int len = random.nextBoolean() ? random.nextInt(65536) : p.length + (random.nextBoolean() ? 1 : -1)
                        * (1 + random.nextInt(40));
                p[2] = (byte) (len >> 8);
                p[3] = (byte) len;
                if (random.nextInt(4) == 0) {
                    p[0] = (byte) (0x40 | random.nextInt(16)); // header length too
                }
                return ipv4Checksum(p);
            }
            case BOGUS_PROTOCOL: {
                int proto;
                do {
                    proto = random.nextInt(256);
                } while (proto == 50 || proto == 51 || proto == 108);
                p[9] = (byte) proto;
                return ipv4Checksum(p);
            }
            case PADDING: {
                byte[] pad = new byte[1 + random.nextInt(200)];
                random.nextBytes(pad);
                byte[] q = Arrays.copyOf(p, p.length + pad.length);
                System.arraycopy(pad, 0, q, p.length, pad.length);
                return q;
            }
            case NESTED_TUNNEL: {
                byte[] q = p;
                for (int n = 1 + random.nextInt(6); n > 0; n--) {
                    q = ipv4(random.nextBoolean() ? 4 : 41, q, random.nextInt(10) == 0);
                }
                return q;
            }
            case IPCOMP_BOMB:
                return BOMBS.get(random.nextInt(BOMBS.size())).clone();
            case FRAGMENT: {
                int word = random.nextBoolean() ? 0x2000 | random.nextInt(0x2000) : 1 + random.nextInt(0x1fff);
                p[6] = (byte) (word >> 8);
                p[7] = (byte) word;
                return ipv4Checksum(p);
            }
            case IPV6_CHAIN:
                return ipv6Chain(p, random);
            default: {
                byte[] g = new byte[random.nextInt(1500)];
                random.nextBytes(g);
                if (g.length > 0) {
                    g[0] = (byte) (random.nextBoolean() ? 0x45 : 0x60);
                }
                return g;
            }
        }
    }

    private static byte[] ipv4Checksum(byte[] p) {
        if (p.length < 20) {
            return p;
        }
        int ihl = Math.min(p.length, Math.max(20, (p[0] & 0x0f) * 4));
        p[10] = 0;
        p[11] = 0;
        int sum = InternetChecksum.compute(p, 0, ihl);
        p[10] = (byte) (sum >> 8);
        p[11] = (byte) sum;
        return p;
    }

    /** {@code inner} behind an IPv4 header from phoenix to cardinal with this protocol; optionally a lying length. */
    private static byte[] ipv4(int protocol, byte[] inner, boolean lie) {
        byte[] p = new byte[20 + inner.length];
        p[0] = 0x45;
        int len = lie ? p.length + 100 : p.length;
        p[2] = (byte) (len >> 8);
        p[3] = (byte) len;
        p[8] = 64;
        p[9] = (byte) protocol;
        System.arraycopy(new byte[] {(byte) 192, 0, 2, 10, (byte) 198, 51, 100, 20}, 0, p, 12, 8);
        System.arraycopy(inner, 0, p, 20, inner.length);
        return ipv4Checksum(p);
    }

    /** IPComp packets whose payloads inflate to 64 KiB + 1 byte, 1 MiB and 8 MiB. */
    private static final List<byte[]> BOMBS = List.of(ipcompBomb(65536), ipcompBomb(1 << 20), ipcompBomb(8 << 20));

    /** An IPComp packet whose payload inflates far beyond any IP packet (zeros compress 1000:1). */
    private static byte[] ipcompBomb(int inflated) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(new byte[inflated]);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] z = out.toByteArray();
        byte[] comp = new byte[4 + z.length];
        comp[0] = 4; // next header: IPv4 inside
        comp[2] = (byte) (IPCOMP_CPI >> 8);
        comp[3] = (byte) IPCOMP_CPI;
        System.arraycopy(z, 0, comp, 4, z.length);
        return ipv4(108, comp, false);
    }

    private static final Set<Integer> EXTENSIONS = Set.of(0, 43, 44, 60);

    /** An IPv6 packet from phoenix6 to cardinal6 with a chain of extension headers, some lying, then ESP or junk. */
    private static byte[] ipv6Chain(byte[] inner, Random random) {
        List<byte[]> headers = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int type = i == 0 && random.nextBoolean() ? 0 : List.of(43, 44, 60, 0).get(random.nextInt(4));
            int units = type == 44 ? 0 : random.nextInt(4);
            byte[] h = new byte[8 + units * 8];
            random.nextBytes(h);
            h[1] = (byte) (type == 44 ? h[1] : (random.nextInt(8) == 0 ? random.nextInt(256) : units));
            headers.add(h);
            types.add(type);
        }
        int last = random.nextInt(3) == 0 ? random.nextInt(256) : 50;
        byte[] esp = inner.length > 20 ? Arrays.copyOfRange(inner, 20, inner.length) : inner;
        int total = esp.length;
        for (byte[] h : headers) {
            total += h.length;
        }
        byte[] p = new byte[40 + total];
        p[0] = 0x60;
        int payload = random.nextInt(6) == 0 ? random.nextInt(65536) : total;
        p[4] = (byte) (payload >> 8);
        p[5] = (byte) payload;
        p[6] = (byte) (headers.isEmpty() ? last : types.get(0));
        p[7] = 64;
        byte[] src = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10};
        byte[] dst = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20};
        System.arraycopy(src, 0, p, 8, 16);
        System.arraycopy(dst, 0, p, 24, 16);
        int off = 40;
        for (int i = 0; i < headers.size(); i++) {
            byte[] h = headers.get(i);
            h[0] = (byte) (i + 1 < headers.size() ? types.get(i + 1) : last);
            System.arraycopy(h, 0, p, off, h.length);
            off += h.length;
        }
        System.arraycopy(esp, 0, p, off, esp.length);
        return p;
    }
}
