package org.jsetkey.engine.spd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index with its prefix filters and policy tables against a plain scan of every policy, on
 * sets large enough that lookups prune classes by prefix length, that tables grow and filters
 * refill, with pairs holding several policies, with short lengths so full that their filters are
 * not asked, and with most policies deleted again (so slots shift back and filters go stale).
 * Bounded: a few thousand policies and lookups per seed.
 */
class PrunedPolicyIndexTest {
    private static final int[] V4_LENGTHS = {0, 8, 12, 16, 24, 31, 32};
    /** With any first byte: the /2s and /4s are soon all there, so their filters are not asked. */
    private static final int[] DENSE_LENGTHS = {2, 4, 16, 24, 30, 32};
    private static final int[] V6_LENGTHS = {0, 32, 48, 64, 100, 127, 128};
    private static final int[] PROTOCOLS = {IpProtocol.ANY.number(), IpProtocol.TCP.number(), IpProtocol.UDP.number(),
            IpProtocol.ICMP.number()};
    private static final long[] PRIORITIES = {Priority.HIGH_BASE, Priority.DEFAULT_BASE, Priority.DEFAULT_BASE - 3,
            Priority.LOW_BASE};
    private static final int POLICIES = 2500;
    private static final int PACKETS = 1500;

    private final List<SpdEntry> live = new ArrayList<>();
    private long nextId = 1;

    /** What the index must return: lowest priority value, then most specific, then oldest; null when none fits. */
    private SpdEntry scan(Flow flow) {
        SpdEntry best = null;
        for (SpdEntry e : live) {
            if (e.policy().selector().matches(flow) && (best == null || e.policy().rank() < best.policy().rank()
                    || e.policy().rank() == best.policy().rank() && e.id() < best.id())) {
                best = e;
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 99, 20261207})
    void ipv4LookupsMatchTheScanThroughGrowthDeletionAndRefill(long seed) {
        run(new Random(seed), false, V4_LENGTHS, false);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 31})
    void ipv6LookupsMatchTheScanThroughGrowthDeletionAndRefill(long seed) {
        run(new Random(seed), true, V6_LENGTHS, false);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 44})
    void lookupsMatchTheScanWhenShortLengthsAreNotAsked(long seed) {
        run(new Random(seed), false, DENSE_LENGTHS, true);
    }

    private void run(Random rnd, boolean v6, int[] lengths, boolean anyFirstByte) {
        PolicyIndex index = new PolicyIndex(v6 ? 128 : 32);
        List<Selector> pool = new ArrayList<>();
        int hits = 0;
        for (int phase = 0; phase < 4; phase++) {
            int target = phase % 2 == 0 ? POLICIES : POLICIES / 5;
            while (live.size() < target) {
                // a third reuse an earlier selector's prefixes with other ports: pairs with several policies
                Selector s = pool.isEmpty() || rnd.nextInt(3) > 0 ? selector(rnd, v6, lengths, anyFirstByte)
                        : sibling(pool.get(rnd.nextInt(pool.size())), rnd);
                pool.add(s);
                Priority prio = rnd.nextInt(3) == 0 ? new Priority(PRIORITIES[rnd.nextInt(PRIORITIES.length)]) : null;
                SpdEntry e = new SpdEntry(nextId++, new Policy(s, Direction.OUT, prio, PolicyAction.NONE, List.of(), null), 0);
                index.add(e);
                live.add(e);
            }
            while (live.size() > target) {
                index.remove(live.remove(rnd.nextInt(live.size())));
            }
            if (phase == 0) {
                assertTrue(index.pruned(), "2,500 policies over 6 or 7 lengths a side: lookups should prune");
            }
            for (int i = 0; i < PACKETS; i++) {
                Flow f = i % 2 == 0 && !live.isEmpty() ? inside(live.get(rnd.nextInt(live.size())).policy().selector(), rnd)
                        : flow(rnd, v6, anyFirstByte);
                SpdEntry want = scan(f);
                SpdEntry got = index.lookup(f);
                assertEquals(want == null ? null : want.id(), got == null ? null : got.id(), "phase " + phase + " " + f);
                hits += want == null ? 0 : 1;
            }
        }
        assertTrue(hits > PACKETS, "most inside packets must match something: " + hits);
        while (!live.isEmpty()) {
            index.remove(live.remove(live.size() - 1));
        }
        assertEquals(null, index.lookup(flow(rnd, v6, anyFirstByte)));
    }

    private static Selector selector(Random rnd, boolean v6, int[] lengths, boolean anyFirstByte) {
        int proto = PROTOCOLS[rnd.nextInt(PROTOCOLS.length)];
        boolean ports = proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number();
        return new Selector(new Prefix(address(rnd, v6, anyFirstByte), lengths[rnd.nextInt(lengths.length)]),
                ports && rnd.nextBoolean() ? 1 + rnd.nextInt(4) : 0,
                new Prefix(address(rnd, v6, anyFirstByte), lengths[rnd.nextInt(lengths.length)]),
                ports && rnd.nextBoolean() ? 1 + rnd.nextInt(4) : 0, proto);
    }

    /** Same prefixes, other protocol and ports (possibly the very same selector: a second policy for it). */
    private static Selector sibling(Selector s, Random rnd) {
        int proto = PROTOCOLS[rnd.nextInt(PROTOCOLS.length)];
        boolean ports = proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number();
        return new Selector(s.src(), ports ? rnd.nextInt(4) : 0, s.dst(), ports ? rnd.nextInt(4) : 0, proto);
    }

    /** Addresses from a pool small enough that prefixes of different lengths nest and collide. */
    private static IpAddress address(Random rnd, boolean v6, boolean anyFirstByte) {
        byte[] b = new byte[v6 ? 16 : 4];
        b[0] = (byte) (anyFirstByte ? rnd.nextInt(256) : v6 ? 0x20 : 10);
        for (int i = 1; i < b.length; i++) {
            b[i] = (byte) (i % 4 == 0 || i == b.length - 1 ? rnd.nextInt(8) : rnd.nextInt(3) == 0 ? rnd.nextInt(256) : 0);
        }
        return IpAddress.of(b);
    }

    private static Flow flow(Random rnd, boolean v6, boolean anyFirstByte) {
        return new Flow(address(rnd, v6, anyFirstByte), address(rnd, v6, anyFirstByte), PROTOCOLS[1 + rnd.nextInt(3)], rnd.nextInt(5), rnd.nextInt(5));
    }

    /** A packet inside the selector: random bits below each prefix, its protocol and ports where it has them. */
    private static Flow inside(Selector s, Random rnd) {
        int proto = s.upperProtocol() == IpProtocol.ANY.number() ? PROTOCOLS[1 + rnd.nextInt(3)] : s.upperProtocol();
        return new Flow(within(s.src(), rnd), within(s.dst(), rnd), proto,
                s.srcPort() != 0 ? s.srcPort() : rnd.nextInt(5), s.dstPort() != 0 ? s.dstPort() : rnd.nextInt(5));
    }

    private static IpAddress within(Prefix p, Random rnd) {
        byte[] b = p.address().bytes();
        for (int bit = p.length(); bit < b.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            b[bit / 8] = (byte) (rnd.nextBoolean() ? b[bit / 8] | mask : b[bit / 8] & ~mask);
        }
        return IpAddress.of(b);
    }
}
