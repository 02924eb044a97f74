package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.junit.jupiter.api.Test;

/** Malformed and forged packets only ever raise XformException (fixed seed, bounded). */
class OpenFuzzTest {
    private static final int ITERATIONS = 5000;
    private final Xform xform = new Xform();
    private final TestSa out = new TestSa();
    private final TestSa in = new TestSa();
    private final List<SaEntry> receivers = new ArrayList<>();
    private final List<byte[]> samples = new ArrayList<>();

    private void sample(SaType type, String enc, String auth, String comp, int flags, SaMode mode, IpAddress src,
                        IpAddress dst, IpAddress gwSrc, IpAddress gwDst) throws XformException {
        Algorithm e = enc == null ? null : TestSa.alg(AlgorithmKind.ENCRYPT, enc);
        Algorithm a = auth == null ? null : TestSa.alg(AlgorithmKind.AUTH, auth);
        IpAddress s = gwSrc == null ? src : gwSrc;
        IpAddress d = gwDst == null ? dst : gwDst;
        long spi = 0x7000 + samples.size();
        SaEntry o = out.add(s.format(), d.format(), type, spi, mode, 4, flags, enc, TestSa.keyFor(e, 5), auth,
                TestSa.keyFor(a, 6), comp);
        receivers.add(in.add(s.format(), d.format(), type, spi, mode, 4, flags, enc, TestSa.keyFor(e, 5), auth,
                TestSa.keyFor(a, 6), comp));
        byte[] ping = comp == null ? Packets.ping(src, dst, 1) : Packets.zeroPing(src, dst, 1, 300);
        samples.add(xform.seal(ping, o, mode, gwSrc, gwDst));
    }

    @Test
    void randomAndTruncatedPacketsOnlyRaiseXformException() throws XformException {
        sample(SaType.ESP, "aes-cbc", "hmac-sha1", null, 0, SaMode.TRANSPORT, Packets.V4_A, Packets.V4_B, null, null);
        sample(SaType.ESP, "aes-gcm-16", null, null, 0, SaMode.TRANSPORT, Packets.V6_A, Packets.V6_B, null, null);
        sample(SaType.ESP, "aes-ctr", "aes-xcbc-mac", null, 0, SaMode.TUNNEL, Packets.V6_A, Packets.V6_B,
                Packets.GW4_A, Packets.GW4_B);
        sample(SaType.ESP, "des-32iv", null, null, Algorithms.FLAG_OLD, SaMode.TRANSPORT, Packets.V4_A, Packets.V4_B,
                null, null);
        sample(SaType.ESP, "null", "null", null, 0, SaMode.TRANSPORT, Packets.V4_A, Packets.V4_B, null, null);
        sample(SaType.AH, null, "hmac-sha2-512", null, 0, SaMode.TRANSPORT, Packets.V6_A, Packets.V6_B, null, null);
        sample(SaType.AH, null, "hmac-md5", null, 0, SaMode.TRANSPORT, Packets.V4_A, Packets.V4_B, null, null);
        sample(SaType.IPCOMP, null, null, "deflate", 0, SaMode.TRANSPORT, Packets.V4_A, Packets.V4_B, null, null);

        Random rnd = new Random(20260601L);
        Map<XformFailure, Integer> seen = new EnumMap<>(XformFailure.class);
        int opened = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int k = rnd.nextInt(samples.size());
            byte[] p = mutate(samples.get(k), rnd);
            try {
                IpsecHeaders.locate(p);
                xform.open(p, receivers.get(k));
                opened++;
            } catch (XformException e) {
                seen.merge(e.kind(), 1, Integer::sum);
            } catch (RuntimeException e) {
                fail("iteration " + i + " sample " + k + ": " + e + " on " + org.jsetkey.engine.net.IpView.hex(p, 0,
                        p.length), e);
            }
        }
        assertTrue(seen.size() >= 6, "a variety of refusals: " + seen);
        assertTrue(opened < ITERATIONS / 4, "mutations are mostly refused: opened " + opened);
    }

    private static byte[] mutate(byte[] sample, Random rnd) {
        byte[] p = sample.clone();
        switch (rnd.nextInt(6)) {
            case 0:
                return java.util.Arrays.copyOf(p, rnd.nextInt(p.length + 1));
            case 1:
                for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
                    p[rnd.nextInt(p.length)] = (byte) rnd.nextInt(256);
                }
                return p;
            case 2: {
                byte[] g = new byte[rnd.nextInt(120)];
                rnd.nextBytes(g);
                if (g.length > 0) {
                    g[0] = (byte) (rnd.nextBoolean() ? 0x45 : 0x60);
                }
                return g;
            }
            case 3: {
                boolean v6 = (p[0] & 0xf0) == 0x60;
                int at = v6 ? 4 : 2;
                int len = rnd.nextInt(p.length + 40);
                p[at] = (byte) (len >> 8);
                p[at + 1] = (byte) len;
                return p;
            }
            case 4: {
                // keep the headers, randomise everything behind the IPsec header
                int from = Math.min(p.length, ((p[0] & 0xf0) == 0x60 ? 40 : 20) + 8 + rnd.nextInt(8));
                for (int i = from; i < p.length; i++) {
                    p[i] = (byte) rnd.nextInt(256);
                }
                return p;
            }
            default: {
                // a plausible header length byte (AH length, IHL, extension length)
                int at = rnd.nextInt(Math.min(p.length, 48));
                p[at] = (byte) rnd.nextInt(16);
                return p;
            }
        }
    }
}
