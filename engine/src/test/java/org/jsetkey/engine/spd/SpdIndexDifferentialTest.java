package org.jsetkey.engine.spd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.sad.SecurityContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPD's index against the plain ordered walk it replaced (kept here as the reference):
 * random adds, updates, deletes and flushes over a small address pool (so selectors overlap,
 * tie and nest), then random packets; both must choose the same entry every time.
 */
class SpdIndexDifferentialTest {
    private static final int ROUNDS = 25;
    private static final int OPERATIONS = 120;
    private static final int PACKETS = 300;
    private static final long[] PRIORITIES = {0, Priority.HIGH_BASE, Priority.DEFAULT_BASE,
            Priority.DEFAULT_BASE - 10, Priority.DEFAULT_BASE + 3, Priority.LOW_BASE, 0xffffffffL};
    private static final int[] PROTOCOLS = {IpProtocol.ANY.number(), IpProtocol.TCP.number(), IpProtocol.UDP.number(), IpProtocol.ICMP.number(),
            IpProtocol.ICMPV6.number()};
    private static final SecurityContext CONTEXT = new SecurityContext(1, 1, "system_u:object_r:ipsec_spd_t:s0");

    /** The lookup as Spd did it before the index: every entry in insertion order, strict improvement only. */
    private static SpdEntry orderedWalk(List<SpdEntry> entries, Direction direction, Flow flow) {
        SpdEntry best = null;
        for (SpdEntry e : entries) {
            Policy p = e.policy();
            if (p.direction() != direction || !p.selector().matches(flow)) {
                continue;
            }
            if (best == null || better(p, best.policy())) {
                best = e;
            }
        }
        return best;
    }

    private static boolean better(Policy candidate, Policy current) {
        if (candidate.sortPriority() != current.sortPriority()) {
            return candidate.sortPriority() < current.sortPriority();
        }
        return candidate.selector().specificity() > current.selector().specificity();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261201})
    void indexChoosesWhatTheOrderedWalkChooses(long seed) {
        Random rnd = new Random(seed);
        Spd spd = new Spd(Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC), new EventBus());
        List<SpdEntry> reference = new ArrayList<>();
        int compared = 0;
        int matched = 0;
        for (int round = 0; round < ROUNDS; round++) {
            boolean v6 = rnd.nextInt(3) == 0;
            for (int op = 0; op < OPERATIONS; op++) {
                Policy p = randomPolicy(rnd, v6 ^ rnd.nextInt(8) == 0);
                int kind = rnd.nextInt(10);
                try {
                    if (kind < 6) {
                        reference.add(spd.add(p));
                    } else if (kind < 8) {
                        SpdEntry e = spd.update(p);
                        replaceOrAppend(reference, e);
                    } else {
                        SpdEntry e = spd.delete(p);
                        reference.removeIf(x -> x.id() == e.id());
                    }
                } catch (Refusal expected) {
                    // duplicate add or missing delete: neither side changes
                }
            }
            assertEquals(reference.size(), spd.size());
            for (int i = 0; i < PACKETS; i++) {
                Flow f = randomFlow(rnd, v6 ^ rnd.nextInt(8) == 0);
                Direction d = Direction.values()[rnd.nextInt(3)];
                SpdEntry want = orderedWalk(reference, d, f);
                Optional<SpdEntry> got = spd.lookup(d, f);
                assertEquals(want == null ? null : want.id(), got.map(SpdEntry::id).orElse(null),
                        () -> "seed " + seed + " " + d + " " + f);
                compared++;
                matched += want == null ? 0 : 1;
            }
            if (rnd.nextInt(10) == 0) {
                spd.flush();
                reference.clear();
            }
        }
        assertEquals(ROUNDS * PACKETS, compared);
        // the pool is small on purpose: most packets must hit something, or the test proves little
        assertEquals(true, matched > compared / 3, "matched " + matched + " of " + compared);
    }

    private static void replaceOrAppend(List<SpdEntry> reference, SpdEntry e) {
        for (int i = 0; i < reference.size(); i++) {
            if (reference.get(i).id() == e.id()) {
                reference.set(i, e);
                return;
            }
        }
        reference.add(e);
    }

    private static Policy randomPolicy(Random rnd, boolean v6) {
        int bits = v6 ? 128 : 32;
        Prefix src = new Prefix(address(rnd, v6), prefixLength(rnd, bits));
        Prefix dst = new Prefix(address(rnd, v6), prefixLength(rnd, bits));
        int proto = PROTOCOLS[rnd.nextInt(PROTOCOLS.length)];
        int sport = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0;
        int dport = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0;
        Selector s = new Selector(src, sport, dst, dport, proto);
        Direction d = Direction.values()[rnd.nextInt(3)];
        Priority prio = rnd.nextInt(3) == 0 ? null : new Priority(PRIORITIES[rnd.nextInt(PRIORITIES.length)]);
        PolicyAction action = rnd.nextBoolean() ? PolicyAction.DISCARD : PolicyAction.NONE;
        SecurityContext ctx = rnd.nextInt(6) == 0 ? CONTEXT : null;
        return new Policy(s, d, prio, action, List.of(), ctx);
    }

    private static int prefixLength(Random rnd, int bits) {
        int[] usual = bits == 32 ? new int[] {0, 8, 16, 24, 30, 32} : new int[] {0, 32, 64, 96, 120, 126, 128};
        return rnd.nextInt(4) == 0 ? rnd.nextInt(bits + 1) : usual[rnd.nextInt(usual.length)];
    }

    /** A small pool: a few values in the first, a middle and the last bytes. */
    private static IpAddress address(Random rnd, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        b[0] = (byte) (v6 ? 0x20 : 10);
        b[1] = (byte) rnd.nextInt(2);
        b[b.length / 2] = (byte) rnd.nextInt(2);
        b[b.length - 1] = (byte) (rnd.nextInt(4) | (rnd.nextInt(8) == 0 ? 0x80 : 0));
        return IpAddress.of(b);
    }

    private static Flow randomFlow(Random rnd, boolean v6) {
        int proto = new int[] {IpProtocol.TCP.number(), IpProtocol.UDP.number(), IpProtocol.ICMP.number(), IpProtocol.ICMPV6.number(), IpProtocol.ESP.number()}
                [rnd.nextInt(5)];
        return new Flow(address(rnd, v6), address(rnd, v6), proto, rnd.nextInt(4), rnd.nextInt(4));
    }
}
