package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** seal then open gives the original packet back, for every algorithm pair, mode and address family mix. */
class RoundTripTest {
    private final Xform xform = new Xform();

    static Stream<Arguments> espPairs() {
        List<Arguments> l = new ArrayList<>();
        for (Algorithm e : Algorithms.of(AlgorithmKind.ENCRYPT)) {
            if (e.aead()) {
                l.add(Arguments.of(e.name(), null));
                continue;
            }
            for (Algorithm a : Algorithms.of(AlgorithmKind.AUTH)) {
                if (!a.name().equals("tcp-md5")) {
                    l.add(Arguments.of(e.name(), a.name()));
                }
            }
            l.add(Arguments.of(e.name(), null));
        }
        return l.stream();
    }

    static Stream<String> authAlgorithms() {
        return Algorithms.of(AlgorithmKind.AUTH).stream().map(Algorithm::name)
                .filter(n -> !n.equals("tcp-md5") && !n.equals("null"));
    }

    /** Seals with one SAD entry and opens with the peer's copy of the same SA. */
    private void roundTrip(SaType type, String enc, String auth, int flags, String comp) throws XformException {
        TestSa sender = new TestSa();
        TestSa receiver = new TestSa();
        Algorithm e = enc == null ? null : TestSa.alg(AlgorithmKind.ENCRYPT, enc);
        Algorithm a = auth == null ? null : TestSa.alg(AlgorithmKind.AUTH, auth);
        int oldFlag = e != null && (e.saFlags() & Algorithms.FLAG_IV4B) != 0 ? Algorithms.FLAG_OLD : 0;
        String label = type + " " + enc + "/" + auth;
        IpAddress[][] cases = {
            {Packets.V4_A, Packets.V4_B, null, null},
            {Packets.V6_A, Packets.V6_B, null, null},
            {Packets.V4_A, Packets.V4_B, Packets.GW4_A, Packets.GW4_B},
            {Packets.V6_A, Packets.V6_B, Packets.GW6_A, Packets.GW6_B},
            {Packets.V4_A, Packets.V4_B, Packets.GW6_A, Packets.GW6_B},
            {Packets.V6_A, Packets.V6_B, Packets.GW4_A, Packets.GW4_B},
        };
        for (int i = 0; i < cases.length; i++) {
            IpAddress[] c = cases[i];
            boolean tunnel = c[2] != null;
            IpAddress saSrc = tunnel ? c[2] : c[0];
            IpAddress saDst = tunnel ? c[3] : c[1];
            long spi = 0x1000 + i;
            SaMode mode = tunnel ? SaMode.TUNNEL : SaMode.TRANSPORT;
            SaEntry out = sender.add(saSrc.format(), saDst.format(), type, spi, mode, 4, flags | oldFlag, enc,
                    TestSa.keyFor(e, 1), auth, TestSa.keyFor(a, 2), comp);
            SaEntry in = receiver.add(saSrc.format(), saDst.format(), type, spi, mode, 4, flags | oldFlag, enc,
                    TestSa.keyFor(e, 1), auth, TestSa.keyFor(a, 2), comp);
            long sentBytes = 0;
            long receivedBytes = 0;
            for (int seq = 1; seq <= 2; seq++) {
                byte[] ping = comp == null ? Packets.ping(c[0], c[1], seq) : Packets.zeroPing(c[0], c[1], seq, 400);
                byte[] sealed = xform.seal(ping, out, mode, c[2], c[3]);
                IpsecHeader h = IpsecHeaders.locate(sealed);
                assertNotNull(h, label);
                assertEquals(type.ipProtocol(), h.protocol(), label);
                Opened o = xform.open(sealed, in);
                // FreeBSD's key_sa_recordxfer: the packet as it leaves the SA, with its header out, without it in
                sentBytes += sealed.length;
                receivedBytes += (tunnel ? h.offset() : 0) + ping.length;
                assertEquals(tunnel, o.tunnel(), label);
                assertArrayEquals(ping, o.packet(), label + " case " + i);
                assertNotNull(IcmpEcho.fromPacket(o.packet()), label);
                assertEquals(((flags | oldFlag) & Algorithms.FLAG_OLD) != 0 || type == SaType.IPCOMP ? 0 : seq, o.sequence(), label);
            }
            assertEquals(2, out.packets());
            assertEquals(2, in.packets());
            assertEquals(sentBytes, out.bytes(), label + " case " + i + " outbound bytes");
            assertEquals(receivedBytes, in.bytes(), label + " case " + i + " inbound bytes");
            assertTrue(out.lastUsedMillis() > 0);
        }
    }

    @ParameterizedTest(name = "esp {0} + {1}")
    @MethodSource("espPairs")
    void espEveryPair(String enc, String auth) throws XformException {
        roundTrip(SaType.ESP, enc, auth, 0, null);
    }

    @ParameterizedTest(name = "ah {0}")
    @MethodSource("authAlgorithms")
    void ahAlone(String auth) throws XformException {
        roundTrip(SaType.AH, null, auth, 0, null);
    }

    @ParameterizedTest(name = "ah-old {0}")
    @MethodSource("authAlgorithms")
    void ahOld(String auth) throws XformException {
        roundTrip(SaType.AH, null, auth, Algorithms.FLAG_OLD, null);
    }

    @ParameterizedTest(name = "esp-old {0}")
    @MethodSource("oldCiphers")
    void espOld(String enc) throws XformException {
        roundTrip(SaType.ESP, enc, null, Algorithms.FLAG_OLD, null);
    }

    static Stream<String> oldCiphers() {
        return Stream.of("des-cbc", "3des-cbc", "des-32iv", "blowfish-cbc", "aes-cbc", "null");
    }

    @ParameterizedTest(name = "padding flags 0x{0}")
    @MethodSource("padFlags")
    void paddingVariants(int flags) throws XformException {
        roundTrip(SaType.ESP, "aes-cbc", "hmac-sha1", flags, null);
    }

    static Stream<Integer> padFlags() {
        return Stream.of(0, Algorithms.FLAG_ZERO_PAD, Algorithms.FLAG_RANDOM_PAD);
    }

    @ParameterizedTest(name = "ipcomp rawcpi={0}")
    @MethodSource("rawCpi")
    void ipcompAlone(boolean raw) throws XformException {
        roundTrip(SaType.IPCOMP, null, null, raw ? Algorithms.FLAG_RAWCPI : 0, "deflate");
    }

    static Stream<Boolean> rawCpi() {
        return Stream.of(false, true);
    }

    @org.junit.jupiter.api.Test
    void espOldHasSpiAndIvOnly() throws XformException {
        TestSa t = new TestSa();
        SaEntry sa = t.add("192.0.2.10", "198.51.100.20", SaType.ESP, 0x500, SaMode.TRANSPORT, 0,
                Algorithms.FLAG_OLD, "des-32iv", TestSa.keyFor(TestSa.alg(AlgorithmKind.ENCRYPT, "des-cbc"), 3), null,
                null, null);
        byte[] ping = Packets.ping(Packets.V4_A, Packets.V4_B, 1);
        byte[] sealed = xform.seal(ping, sa, SaMode.TRANSPORT, null, null);
        // 20 IP + 4 SPI + 4 IV + 64 ICMP padded with 2 trailer bytes to 72
        assertEquals(20 + 4 + 4 + 72, sealed.length);
        assertEquals(IpProtocol.ESP.number(), sealed[9]);
    }
}
