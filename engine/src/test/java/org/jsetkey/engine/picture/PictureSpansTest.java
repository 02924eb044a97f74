package org.jsetkey.engine.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaId;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.xform.IpsecHeader;
import org.jsetkey.engine.xform.IpsecHeaders;
import org.jsetkey.engine.xform.Xform;
import org.jsetkey.engine.xform.UdpEncap;
import org.jsetkey.engine.xform.XformException;
import org.junit.jupiter.api.Test;

/**
 * The spans a picture draws are the bytes the transforms really cover: the ranges RFC 4302/4303
 * give for the SA's sizes, and byte flips inside a drawn ICV span make the real ICV check fail
 * while flips of the fields drawn as mutable leave it passing.
 */
class PictureSpansTest {
    private final Xform xform = new Xform();

    private static Span only(Section s, SpanKind kind) {
        List<Span> found = s.spans().stream().filter(sp -> sp.kind() == kind).toList();
        assertEquals(1, found.size(), kind + " spans in " + s.spans());
        return found.get(0);
    }

    @Test
    void freebsdHowtoSpansAreTheRfcRanges() {
        PictureLab lab = new PictureLab().load("/vectors/freebsd-howto.conf");
        byte[] p = PictureLab.pcap("/vectors/freebsd-howto.pcap").get(0);
        Section s = lab.builder.draw(p).sections().get(0);
        // IPv4 20 bytes, AH 12 + 96-bit hmac-md5 ICV = 24, ESP SPI + sequence 8, blowfish IV 8, no ESP ICV
        assertEquals(new Span(SpanKind.AH_ICV, 0, p.length), only(s, SpanKind.AH_ICV));
        assertEquals(new Span(SpanKind.ENCRYPTED, 20 + 24 + 16, p.length), only(s, SpanKind.ENCRYPTED));
        assertTrue(s.spans().stream().noneMatch(sp -> sp.kind() == SpanKind.ESP_ICV));
        assertEquals(List.of("Type of Service", "Flags", "Fragment Offset", "Time to Live", "Header Checksum", "ICV"),
                zeroedNames(s));
    }

    @Test
    void espSpansAreTheRfcRanges() {
        // aes-cbc: IV 16, hmac-sha256 ICV 16 (RFC 4868); aes-gcm-16: IV 8, tag 16 (RFC 4106)
        for (String[] v : new String[][] {{"aes-cbc-sha256", "16", "16"}, {"aes-gcm", "8", "16"}}) {
            PictureLab lab = new PictureLab().load("/vectors/" + v[0] + ".conf");
            byte[] p = PictureLab.pcap("/vectors/" + v[0] + ".pcap").get(0);
            Section s = lab.builder.draw(p).sections().get(0);
            int iv = Integer.parseInt(v[1]);
            int icv = Integer.parseInt(v[2]);
            assertEquals(new Span(SpanKind.ESP_ICV, 20, p.length - icv), only(s, SpanKind.ESP_ICV), v[0]);
            assertEquals(new Span(SpanKind.ENCRYPTED, 20 + 8 + iv, p.length - icv), only(s, SpanKind.ENCRYPTED), v[0]);
            assertTrue(zeroedNames(s).isEmpty(), v[0] + ": nothing zeroed without AH");
        }
    }

    @Test
    void flippingAByteInTheAhSpanFailsTheIcvButAMutableFieldDoesNot() throws Exception {
        PictureLab lab = new PictureLab().load("/vectors/freebsd-howto.conf");
        checkAh(lab, PictureLab.pcap("/vectors/freebsd-howto.pcap").get(0));
        PictureLab combos = new PictureLab().load("/pictures/lab.conf");
        List<byte[]> packets = PictureLab.pcap("/pictures/lab.pcap");
        checkAh(combos, packets.get(0)); // AH alone, IPv4
        checkAh(combos, packets.get(3)); // AH over ESP tunnel
        checkAh(combos, packets.get(4)); // IPv6 with a hop-by-hop option that may change en route
    }

    private void checkAh(PictureLab lab, byte[] p) throws XformException {
        Section s = lab.builder.draw(p).sections().get(0);
        Span ah = only(s, SpanKind.AH_ICV);
        byte[] mutable = zeroedBits(s, p.length);
        SaEntry sa = saOf(lab, p);
        assertTrue(opens(sa, p), "the packet as stored verifies");
        int failed = 0;
        int kept = 0;
        for (int i = ah.from(); i < ah.to(); i++) {
            int zeroed = mutable[i] & 0xff;
            int fixed = ~zeroed & 0xff;
            if (fixed != 0) {
                byte[] q = p.clone();
                q[i] ^= (byte) fixed;
                assertFalse(opens(sa, q), "byte " + i + " bits " + Integer.toHexString(fixed)
                        + " are drawn inside the AH ICV span and not mutable: flipping them must fail");
                failed++;
            }
            int safe = zeroed & wholePacketBits(p, i);
            if (safe != 0) {
                byte[] q = p.clone();
                q[i] ^= (byte) safe;
                assertTrue(opens(sa, q), "byte " + i + " bits " + Integer.toHexString(safe)
                        + " are drawn as mutable: flipping them must keep the ICV");
                kept++;
            }
        }
        assertTrue(kept >= 4, "mutable bytes flipped: " + kept);
        assertTrue(failed > p.length / 2);
    }

    @Test
    void flippingAByteInTheEspIcvSpanFails() throws Exception {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"/vectors/aes-cbc-sha256.conf", PictureLab.pcap("/vectors/aes-cbc-sha256.pcap").get(0)});
        cases.add(new Object[] {"/vectors/aes-gcm.conf", PictureLab.pcap("/vectors/aes-gcm.pcap").get(0)});
        cases.add(new Object[] {"/vectors/tunnel-esp.conf", PictureLab.pcap("/vectors/tunnel-esp.pcap").get(0)});
        cases.add(new Object[] {"/pictures/lab.conf", PictureLab.pcap("/pictures/lab.pcap").get(5)});
        for (Object[] c : cases) {
            PictureLab lab = new PictureLab().load((String) c[0]);
            byte[] p = (byte[]) c[1];
            Section s = lab.builder.draw(p).sections().get(0);
            Span esp = only(s, SpanKind.ESP_ICV);
            SaEntry sa = saOf(lab, p);
            assertTrue(opens(sa, p), c[0] + ": the packet as stored verifies");
            for (int i = esp.from(); i < esp.to(); i++) {
                byte[] q = p.clone();
                q[i] ^= (byte) 0xff;
                assertFalse(opens(sa, q), c[0] + ": byte " + i + " is drawn inside the ESP ICV span");
            }
            // the outer TTL / hop limit is outside every ESP span: changing it keeps the ESP ICV
            byte[] q = p.clone();
            q[(p[0] & 0xf0) == 0x40 ? 8 : 7] ^= (byte) 0xff;
            assertTrue(opens(sa, q), c[0] + ": TTL outside the ESP span");
        }
    }

    @Test
    void theNatTPacketsEspSpanStartsAfterItsUdpHeaderAndTheUdpHeaderIsOutsideIt() throws Exception {
        PictureLab lab = new PictureLab().load("/pictures/lab.conf");
        byte[] p = PictureLab.pcap("/pictures/lab.pcap").get(6);
        Section s = lab.builder.draw(p).sections().get(0);
        Span esp = only(s, SpanKind.ESP_ICV);
        assertEquals(20 + 8, esp.from(), "ESP starts after the IPv4 and UDP headers");
        assertEquals(p.length - 12, esp.to(), "the ICV (hmac-sha1, 12 bytes) is the packet's end");
        SaEntry sa = lab.host.sad().get(new SaId(IpPacket.destination(p), SaType.ESP, 0x5007)).orElseThrow();
        assertTrue(opens(sa, UdpEncap.espInside(p)), "the packet as stored verifies once its UDP header is off");
        for (int i = esp.from(); i < esp.to(); i++) {
            byte[] q = p.clone();
            q[i] ^= (byte) 0xff;
            byte[] inner = UdpEncap.espInside(q);
            assertFalse(inner != null && opens(sa, inner), "byte " + i + " is drawn inside the ESP ICV span");
        }
        for (int i : new int[] {21, 23, 27}) { // the UDP ports and checksum: no ESP span covers them
            byte[] q = p.clone();
            q[i] ^= (byte) 0x01;
            assertTrue(opens(sa, UdpEncap.espInside(q)), "UDP byte " + i + " is outside the ESP span");
        }
    }

    /**
     * The bits of byte {@code i} a flip may touch and leave a whole packet: for IPv4 flags/offset only
     * DF, since MF or an offset makes it a fragment, which is reassembled before AH is checked.
     */
    private static int wholePacketBits(byte[] p, int i) {
        if ((p[0] & 0xf0) == 0x40 && (i == 6 || i == 7)) {
            return i == 6 ? 0x40 : 0;
        }
        return 0xff;
    }

    private static SaEntry saOf(PictureLab lab, byte[] p) throws XformException {
        IpsecHeader h = IpsecHeaders.locate(p);
        SaType type = h.protocol() == 51 ? SaType.AH : SaType.ESP;
        return lab.host.sad().get(new SaId(IpPacket.destination(p), type, h.spi())).orElseThrow();
    }

    private boolean opens(SaEntry sa, byte[] p) {
        try {
            xform.open(p, SaEntry.detachedCopy(sa));
            return true;
        } catch (XformException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> zeroedNames(Section s) {
        List<String> names = new ArrayList<>();
        for (Header h : s.headers()) {
            for (Field f : h.fields()) {
                if (f.zeroed()) {
                    names.add(f.name());
                }
            }
        }
        return names;
    }

    /** The bits of the fields drawn as zeroed but for the ICV (whose change must fail), per byte. */
    private static byte[] zeroedBits(Section s, int length) {
        byte[] mask = new byte[length];
        for (Header h : s.headers()) {
            for (Field f : h.fields()) {
                if (f.zeroed() && !f.name().equals("ICV")) {
                    for (int b = f.bitOffset(); b < f.bitOffset() + f.bits(); b++) {
                        mask[h.offset() + b / 8] |= (byte) (0x80 >> (b % 8));
                    }
                }
            }
        }
        return mask;
    }
}
