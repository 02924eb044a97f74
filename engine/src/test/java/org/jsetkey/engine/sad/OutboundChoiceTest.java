package org.jsetkey.engine.sad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbound SA choice (the index by address pair and what it checks on each entry) against a
 * scan of the whole SAD with the plain conditions: random adds, updates, deletes and dying SAs
 * over a few addresses, among them IPv4 addresses whose key words an IPv4-compatible IPv6 address
 * shares and link-local addresses with and without a zone. Bounded: a few hundred SAs per seed.
 */
class OutboundChoiceTest {
    private static final IpAddress[] ADDRESSES = {
            IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), IpAddress.parse("::10.0.0.1"),
            IpAddress.parse("::10.0.0.2"), IpAddress.parse("fe80::1"), IpAddress.parse("fe80::1%em0"),
            IpAddress.parse("fe80::1%em1"), IpAddress.parse("fe80::2")};
    private static final SaType[] TYPES = {SaType.ESP, SaType.AH};
    private static final SaMode[] MODES = {SaMode.ANY, SaMode.TRANSPORT, SaMode.TUNNEL};

    /** The choice as a walk over every SA would make it, oldest first. */
    private static SaEntry scan(Sad sad, IpAddress src, IpAddress dst, SaType type, SaMode mode, long reqid,
                                boolean preferOld) {
        List<SaEntry> all = sad.snapshot(); // newest first
        SaEntry best = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            SaEntry e = all.get(i);
            SecurityAssociation sa = e.sa();
            if (sa.type() == type && e.state().usable() && sa.src().equals(src) && sa.dst().equals(dst)
                    && (sa.mode() == SaMode.ANY || sa.mode() == mode) && (reqid == 0 || sa.reqid() == reqid)) {
                best = e;
                if (preferOld) {
                    break;
                }
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 5, 77, 20261207})
    void indexChoosesWhatTheScanChooses(long seed) {
        Random rnd = new Random(seed);
        Sad sad = new Sad(Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC), new EventBus());
        int chosen = 0;
        for (int round = 0; round < 40; round++) {
            for (int op = 0; op < 20; op++) {
                SecurityAssociation sa = randomSa(rnd);
                try {
                    switch (rnd.nextInt(6)) {
                        case 0 -> sad.update(sa);
                        case 1 -> sad.delete(sa.id());
                        case 2 -> sad.get(sa.id()).ifPresent(sad::dying);
                        default -> sad.add(sa);
                    }
                } catch (Refusal expected) {
                    // a taken SPI, or nothing to update or delete: the SAD stays as it was
                }
            }
            for (int q = 0; q < 60; q++) {
                IpAddress[] pair = pair(rnd);
                SaType type = TYPES[rnd.nextInt(TYPES.length)];
                SaMode mode = MODES[1 + rnd.nextInt(2)];
                long reqid = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : 0;
                boolean preferOld = rnd.nextBoolean();
                SaEntry want = scan(sad, pair[0], pair[1], type, mode, reqid, preferOld);
                SaEntry got = sad.findOutbound(pair[0], pair[1], type, mode, reqid, preferOld).orElse(null);
                assertEquals(want, got, () -> pair[0] + " -> " + pair[1] + " " + type + " " + mode + " reqid " + reqid
                        + " preferOld " + preferOld);
                chosen += want == null ? 0 : 1;
            }
        }
        assertTrue(chosen > 200, "the pool is small so that most queries find an SA: " + chosen);
    }

    /** Two addresses of one family: IPv4, or IPv6 from the pool (with or without a zone). */
    private static IpAddress[] pair(Random rnd) {
        boolean v4 = rnd.nextInt(3) == 0;
        int from = v4 ? 0 : 2;
        int to = v4 ? 2 : ADDRESSES.length;
        return new IpAddress[] {ADDRESSES[from + rnd.nextInt(to - from)], ADDRESSES[from + rnd.nextInt(to - from)]};
    }

    private static SecurityAssociation randomSa(Random rnd) {
        IpAddress[] p = pair(rnd);
        return new SecurityAssociation(p[0], p[1], TYPES[rnd.nextInt(TYPES.length)], 256 + rnd.nextInt(12),
                MODES[rnd.nextInt(MODES.length)], rnd.nextInt(3), 0, 0, null, null, null, null, null, null, null, null);
    }
}
