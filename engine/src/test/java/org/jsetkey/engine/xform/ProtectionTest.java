package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.junit.jupiter.api.Test;

/** Tampering, replay, bundles and refusals. */
class ProtectionTest {
    private final Xform xform = new Xform();
    private final TestSa out = new TestSa();
    private final TestSa in = new TestSa();

    private SaEntry[] pair(SaType type, long spi, long replay, int flags, String enc, String encKey, String auth,
                           String authKey, String src, String dst) {
        return new SaEntry[] {
            out.add(src, dst, type, spi, SaMode.TRANSPORT, replay, flags, enc, TestSa.key(encKey), auth,
                    TestSa.key(authKey), null),
            in.add(src, dst, type, spi, SaMode.TRANSPORT, replay, flags, enc, TestSa.key(encKey), auth,
                    TestSa.key(authKey), null)};
    }

    /** Flips every bit from {@code from} to the end; each must be refused, and AUTH_FAILED counted. */
    private void everyFlipRejected(SaEntry[] sa, byte[] ping) throws XformException {
        byte[] sealed = xform.seal(ping, sa[0], SaMode.TRANSPORT, null, null);
        int from = IpsecHeaders.locate(sealed).offset();
        int authFailures = 0;
        for (int bit = from * 8; bit < sealed.length * 8; bit++) {
            byte[] bad = sealed.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            XformException e = assertThrows(XformException.class, () -> xform.open(bad, sa[1]), "bit " + bit);
            if (e.kind() == XformFailure.AUTH_FAILED) {
                authFailures++;
            }
        }
        assertTrue(authFailures > (sealed.length - from) * 8 - 64, "most flips are ICV failures");
        assertEquals(authFailures, sa[1].authFailures());
        assertEquals(0, sa[1].packets());
        assertArrayEquals(ping, xform.open(sealed, sa[1]).packet());
    }

    @Test
    void espCbcHmacRejectsEveryFlippedBit() throws XformException {
        everyFlipRejected(pair(SaType.ESP, 0x1000, 0, 0, "aes-cbc", "0x00112233445566778899aabbccddeeff",
                "hmac-sha1", "01234567890123456789", "192.0.2.10", "198.51.100.20"),
                Packets.ping(Packets.V4_A, Packets.V4_B, 1));
    }

    @Test
    void espGcmRejectsEveryFlippedBit() throws XformException {
        everyFlipRejected(pair(SaType.ESP, 0x1001, 0, 0, "aes-gcm-16", "0x000102030405060708090a0b0c0d0e0fcafebabe",
                null, null, "2001:db8::1", "2001:db8::2"), Packets.ping(Packets.V6_A, Packets.V6_B, 1));
    }

    @Test
    void ahRejectsEveryFlippedBitAndCoversTheAddresses() throws XformException {
        SaEntry[] sa = pair(SaType.AH, 0x3d54, 0, 0, null, null, "hmac-md5", "1234567890123456", "192.0.2.10",
                "198.51.100.20");
        everyFlipRejected(sa, Packets.ping(Packets.V4_A, Packets.V4_B, 1));
        byte[] sealed = xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 2), sa[0], SaMode.TRANSPORT, null, null);
        byte[] spoofed = sealed.clone();
        spoofed[15] ^= 1; // source address
        assertEquals(XformFailure.AUTH_FAILED, assertThrows(XformException.class,
                () -> xform.open(spoofed, sa[1])).kind());
        byte[] routed = sealed.clone();
        routed[8] = 17; // TTL changes in transit: mutable, not covered
        routed[1] = 0x10; // so does TOS
        org.jsetkey.engine.net.Ipv4Header.fixChecksum(routed);
        xform.open(routed, sa[1]);
    }

    @Test
    void replayIsRejectedAtAndAroundTheWindowEdge() throws XformException {
        SaEntry[] sa = pair(SaType.ESP, 0x2000, 4, 0, "aes-cbc", "0x00112233445566778899aabbccddeeff", "hmac-sha1",
                "01234567890123456789", "192.0.2.10", "198.51.100.20"); // -r 4: 32 packets
        byte[][] p = new byte[41][];
        for (int i = 1; i <= 40; i++) {
            p[i] = xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, i), sa[0], SaMode.TRANSPORT, null, null);
        }
        assertEquals(40, xform.open(p[40], sa[1]).sequence());
        assertEquals(9, xform.open(p[9], sa[1]).sequence()); // the oldest still inside
        assertEquals(XformFailure.REPLAY, assertThrows(XformException.class, () -> xform.open(p[9], sa[1])).kind());
        assertEquals(XformFailure.REPLAY, assertThrows(XformException.class, () -> xform.open(p[8], sa[1])).kind());
        assertEquals(XformFailure.REPLAY, assertThrows(XformException.class, () -> xform.open(p[40], sa[1])).kind());
        assertEquals(39, xform.open(p[39], sa[1]).sequence());
        assertEquals(3, sa[1].replayDrops());
    }

    @Test
    void forgedPacketDoesNotMoveTheWindow() throws XformException {
        SaEntry[] sa = pair(SaType.AH, 0x2001, 4, 0, null, null, "hmac-sha2-256",
                "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "192.0.2.10", "198.51.100.20");
        byte[] p1 = xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), sa[0], SaMode.TRANSPORT, null, null);
        byte[] forged = p1.clone();
        IpsecHeaders.put32(forged, 20 + 8, 1000); // sequence 1000 with a stale ICV
        assertEquals(XformFailure.AUTH_FAILED, assertThrows(XformException.class,
                () -> xform.open(forged, sa[1])).kind());
        assertEquals(0, sa[1].replayWindow().highest());
        xform.open(p1, sa[1]);
    }

    @Test
    void replayZeroMeansNoCheck() throws XformException {
        SaEntry[] sa = pair(SaType.ESP, 0x2002, 0, 0, "3des-cbc", "0x000102030405060708090a0b0c0d0e0f1011121314151617",
                "hmac-md5", "1234567890123456", "192.0.2.10", "198.51.100.20");
        byte[] p = xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), sa[0], SaMode.TRANSPORT, null, null);
        xform.open(p, sa[1]);
        xform.open(p, sa[1]);
        assertEquals(2, sa[1].packets());
        assertEquals(0, sa[1].replayDrops());
    }

    @Test
    void espThenAhBundleGivesAhOutsideEsp() throws XformException {
        SaEntry[] esp = pair(SaType.ESP, 15701, 0, 0, "blowfish-cbc", "12345", null, null, "10.0.0.1", "10.0.0.2");
        SaEntry[] ah = pair(SaType.AH, 15700, 0, 0, null, null, "hmac-md5", "1234567890123456", "10.0.0.1",
                "10.0.0.2");
        byte[] ping = Packets.ping(org.jsetkey.engine.net.IpAddress.parse("10.0.0.1"),
                org.jsetkey.engine.net.IpAddress.parse("10.0.0.2"), 1);
        byte[] p = xform.seal(ping, esp[0], SaMode.TRANSPORT, null, null);
        p = xform.seal(p, ah[0], SaMode.TRANSPORT, null, null);
        assertEquals(IpProtocol.AH.number(), p[9]);
        assertEquals(IpProtocol.ESP.number(), p[20]); // AH next header
        assertEquals(IpProtocol.ESP.number(), IpsecHeaders.locate(p).protocol() == IpProtocol.AH.number() ? p[20] : -1);
        // IP 20 + AH 24 + ESP 8 + IV 8 + 64 ICMP + 2 trailer padded to 72
        assertEquals(20 + 24 + 8 + 8 + 72, p.length);
        Opened afterAh = xform.open(p, ah[1]);
        assertEquals(IpProtocol.ESP.number(), IpsecHeaders.locate(afterAh.packet()).protocol());
        assertArrayEquals(ping, xform.open(afterAh.packet(), esp[1]).packet());
    }

    @Test
    void sequenceOverflowWithoutCyclicSeq() {
        out.cyclic = false;
        SaEntry sa = out.add("192.0.2.10", "198.51.100.20", SaType.ESP, 0x3000, SaMode.TRANSPORT, 0, 0, "null", null,
                "hmac-sha1", TestSa.key("01234567890123456789"), null);
        sa.sequence(0xffffffffL);
        XformException e = assertThrows(XformException.class,
                () -> xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), sa, SaMode.TRANSPORT, null, null));
        assertEquals(XformFailure.SEQ_OVERFLOW, e.kind());
    }

    @Test
    void tcpMd5AndLzsHaveNoTransform() {
        SaEntry tcp = out.add("192.0.2.10", "198.51.100.20", SaType.TCP, 0x1000, SaMode.ANY, 0, 0, null, null,
                "tcp-md5", TestSa.key("secret"), null);
        XformException e = assertThrows(XformException.class,
                () -> xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), tcp, SaMode.TRANSPORT, null, null));
        assertEquals(XformFailure.NO_TRANSFORM, e.kind());
        assertEquals("no transform for tcp-md5", e.detail());
        SaEntry lzs = out.add("192.0.2.10", "198.51.100.20", SaType.IPCOMP, 0x1001, SaMode.ANY, 0, 0, null, null,
                null, null, "lzs");
        e = assertThrows(XformException.class,
                () -> xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), lzs, SaMode.TRANSPORT, null, null));
        assertEquals("no transform for lzs", e.detail());
    }

    @Test
    void wrongKeyIsAnIcvMismatchNamingTheSa() throws XformException {
        SaEntry a = out.add("192.0.2.10", "198.51.100.20", SaType.ESP, 0x4000, SaMode.TRANSPORT, 0, 0, "aes-cbc",
                TestSa.key("0x00112233445566778899aabbccddeeff"), "hmac-sha1", TestSa.key("01234567890123456789"),
                null);
        SaEntry b = in.add("192.0.2.10", "198.51.100.20", SaType.ESP, 0x4000, SaMode.TRANSPORT, 0, 0, "aes-cbc",
                TestSa.key("0x00112233445566778899aabbccddeeff"), "hmac-sha1", TestSa.key("0123456789012345678X"),
                null);
        byte[] p = xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), a, SaMode.TRANSPORT, null, null);
        XformException e = assertThrows(XformException.class, () -> xform.open(p, b));
        assertEquals(XformFailure.AUTH_FAILED, e.kind());
        assertEquals("ESP ICV mismatch for " + b.sa().id(), e.detail()); // the stack's Diagnosis adds the hint
        assertEquals(1, b.authFailures());
    }

    @Test
    void ipcompSendsIncompressiblePayloadUnchanged() throws XformException {
        SaEntry sa = out.add("192.0.2.10", "198.51.100.20", SaType.IPCOMP, 0x5000, SaMode.TRANSPORT, 0, 0, null,
                null, null, null, "deflate");
        byte[] ping = Packets.ping(Packets.V4_A, Packets.V4_B, 1);
        assertArrayEquals(ping, xform.seal(ping, sa, SaMode.TRANSPORT, null, null));
        byte[] big = Packets.zeroPing(Packets.V4_A, Packets.V4_B, 1, 1000);
        byte[] z = xform.seal(big, sa, SaMode.TRANSPORT, null, null);
        assertEquals(IpProtocol.IPCOMP.number(), z[9]);
        assertEquals(2, IpsecHeaders.locate(z).spi()); // well-known deflate CPI without -R
        assertTrue(z.length < big.length / 4);
        assertFalse(z.length == big.length);
    }
}
