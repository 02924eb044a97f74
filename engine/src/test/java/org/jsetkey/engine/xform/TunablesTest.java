package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.junit.jupiter.api.Test;

/** The sysctl knobs that change what goes on the wire: dfbit, ecn, ah_cleartos, ah_offsetmask. */
class TunablesTest {
    private static byte[] withTosAndFlags(byte[] ip, int tos, int flags) {
        byte[] p = ip.clone();
        p[1] = (byte) tos;
        p[6] = (byte) (flags >> 8);
        p[7] = (byte) flags;
        p[10] = 0;
        p[11] = 0;
        int sum = InternetChecksum.compute(p, 0, 20);
        p[10] = (byte) (sum >> 8);
        p[11] = (byte) sum;
        return p;
    }

    private static byte[] tunnel(Tunables knobs, byte[] inner) throws XformException {
        TestSa t = new TestSa();
        SaEntry sa = t.esp("203.0.113.1", "203.0.113.2", 0x2000, "null", null, "hmac-sha1",
                "01234567890123456789");
        Xform x = new Xform();
        x.tunables(() -> knobs);
        return x.seal(inner, sa, SaMode.TUNNEL, Packets.GW4_A, Packets.GW4_B);
    }

    @Test
    void dfbitClearsSetsOrCopiesTheOuterDontFragment() throws Exception {
        byte[] df = withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 1), 0, 0x4000);
        byte[] noDf = withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 1), 0, 0);
        assertEquals(0, tunnel(new Tunables(true, 0, 0, 0), df)[6] & 0x40, "dfbit=0 clears");
        assertEquals(0x40, tunnel(new Tunables(true, 0, 1, 0), noDf)[6] & 0x40, "dfbit=1 sets");
        assertEquals(0x40, tunnel(new Tunables(true, 0, 2, 0), df)[6] & 0x40, "dfbit=2 copies DF");
        assertEquals(0, tunnel(new Tunables(true, 0, 2, 0), noDf)[6] & 0x40, "dfbit=2 copies no DF");
    }

    @Test
    void ecnIsClearedCopiedOrCopiedWithCeAsEct0() throws Exception {
        byte[] ce = withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 1), 0xb8 | 0x03, 0);
        assertEquals(0xb8, tunnel(new Tunables(true, 0, 0, 0), ce)[1] & 0xff, "ecn=0: ECN bits cleared");
        assertEquals(0xb8 | 0x02, tunnel(new Tunables(true, 0, 0, 1), ce)[1] & 0xff, "ecn=1: CE becomes ECT(0)");
        assertEquals(0xb8 | 0x03, tunnel(new Tunables(true, 0, 0, -1), ce)[1] & 0xff, "ecn=-1: copied");
    }

    @Test
    void ahClearTosZeroDecidesWhetherTheTosIsProtected() throws Exception {
        TestSa t = new TestSa();
        SaEntry out = t.ah("192.0.2.10", "198.51.100.20", 0x3d54, "hmac-md5", "1234567890123456");
        TestSa r = new TestSa();
        SaEntry in = r.ah("192.0.2.10", "198.51.100.20", 0x3d54, "hmac-md5", "1234567890123456");
        Xform x = new Xform();
        x.tunables(() -> new Tunables(false, 0, 0, 0));
        byte[] sealed = x.seal(withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 1), 0x10, 0), out,
                SaMode.TRANSPORT, null, null);
        byte[] retos = withTosAndFlags(sealed, 0x20, 0);
        XformException e = assertThrows(XformException.class, () -> x.open(retos, in));
        assertEquals(XformFailure.AUTH_FAILED, e.kind());
        assertEquals(0x10, x.open(sealed, in).packet()[1] & 0xff);

        Xform defaults = new Xform();
        byte[] sealed2 = defaults.seal(withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 2), 0x10, 0), out,
                SaMode.TRANSPORT, null, null);
        assertArrayEquals(new byte[] {0x20}, new byte[] {defaults.open(withTosAndFlags(sealed2, 0x20, 0), in)
                .packet()[1]}, "with ah_cleartos=1 the TOS may change in transit");
    }

    @Test
    void ahOffsetMaskKeepsTheMaskedFlagsUnderTheIcv() throws Exception {
        TestSa t = new TestSa();
        SaEntry out = t.ah("192.0.2.10", "198.51.100.20", 0x3d54, "hmac-md5", "1234567890123456");
        SaEntry in = new TestSa().ah("192.0.2.10", "198.51.100.20", 0x3d54, "hmac-md5", "1234567890123456");
        Xform x = new Xform();
        x.tunables(() -> new Tunables(true, 0x4000, 0, 0));
        byte[] sealed = x.seal(withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 1), 0, 0x4000), out,
                SaMode.TRANSPORT, null, null);
        assertEquals(XformFailure.AUTH_FAILED,
                assertThrows(XformException.class, () -> x.open(withTosAndFlags(sealed, 0, 0), in)).kind());
        assertEquals(0x40, x.open(sealed, in).packet()[6] & 0x40);
    }

    @Test
    void ecnAllowedCarriesAnOuterCongestionMarkToTheInnerPacket() throws Exception {
        TestSa t = new TestSa();
        SaEntry out = t.esp("203.0.113.1", "203.0.113.2", 0x2000, "null", null, "hmac-sha1", "01234567890123456789");
        SaEntry in = new TestSa().esp("203.0.113.1", "203.0.113.2", 0x2000, "null", null, "hmac-sha1",
                "01234567890123456789");
        Xform allowed = new Xform();
        allowed.tunables(() -> new Tunables(true, 0, 0, 1));
        byte[] ect = withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 1), 0x02, 0);
        byte[] congested = withTosAndFlags(allowed.seal(ect, out, SaMode.TUNNEL, Packets.GW4_A, Packets.GW4_B), 0x03, 0);
        byte[] inner = allowed.open(congested, in).packet();
        assertEquals(0x03, inner[1] & 0xff, "CE reaches the inner packet");
        assertEquals(0, InternetChecksum.compute(inner, 0, 20), "inner IPv4 checksum still right");

        byte[] notEct = withTosAndFlags(Packets.ping(Packets.V4_A, Packets.V4_B, 2), 0x00, 0);
        byte[] ce = withTosAndFlags(allowed.seal(notEct, out, SaMode.TUNNEL, Packets.GW4_A, Packets.GW4_B), 0x03, 0);
        assertEquals(XformFailure.BAD_TUNNEL, assertThrows(XformException.class, () -> allowed.open(ce, in)).kind());

        Xform forbidden = new Xform();
        byte[] again = withTosAndFlags(forbidden.seal(ect, out, SaMode.TUNNEL, Packets.GW4_A, Packets.GW4_B), 0x03, 0);
        assertEquals(0x02, forbidden.open(again, in).packet()[1] & 0xff, "ecn=0 leaves the inner packet alone");
    }
}
