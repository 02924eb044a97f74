package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.link.PcapReader;
import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.sad.SaEntry;
import org.junit.jupiter.api.Test;

/**
 * Packets made by an independent implementation (scapy 2.5, see /work/shared/vectors/README.md):
 * with the SAs of the matching .conf, every packet must open to an ICMP echo.
 */
class IndependentVectorsTest {
    private final TestSa t = new TestSa();
    private final Xform xform = new Xform();
    private final Map<String, SaEntry> byKey = new HashMap<>();

    private void put(SaEntry e) {
        byKey.put(e.sa().dst() + "/" + e.sa().type().ipProtocol() + "/" + e.sa().spi(), e);
    }

    /** Opens every header, SA by (dst, proto, spi), until the packet carries none; returns the echoes. */
    private List<IcmpEcho> openAll(String pcap, int expectedHeaders) throws IOException, XformException {
        PcapReader.Capture cap;
        try (InputStream in = getClass().getResourceAsStream("/vectors/" + pcap)) {
            cap = PcapReader.read(in.readAllBytes());
        }
        assertEquals(PcapWriter.LINKTYPE_RAW, cap.linkType());
        assertFalse(cap.records().isEmpty());
        List<IcmpEcho> echoes = new ArrayList<>();
        for (PcapReader.Record r : cap.records()) {
            byte[] p = r.data();
            int headers = 0;
            IpsecHeader h;
            while ((h = IpsecHeaders.locate(p)) != null) {
                SaEntry sa = byKey.get(IpPacket.destination(p) + "/" + h.protocol() + "/" + h.spi());
                assertNotNull(sa, "no SA for " + h + " in " + pcap);
                p = xform.open(p, sa).packet();
                headers++;
            }
            assertEquals(expectedHeaders, headers);
            IcmpEcho echo = IcmpEcho.fromPacket(p);
            assertNotNull(echo, "no ICMP echo inside a packet of " + pcap);
            echoes.add(echo);
        }
        return echoes;
    }

    private static void assertRequestsAndReplies(List<IcmpEcho> echoes) {
        assertTrue(echoes.stream().anyMatch(e -> !e.reply()), "an echo request");
        assertTrue(echoes.stream().anyMatch(IcmpEcho::reply), "an echo reply");
    }

    @Test
    void freebsdHowtoAhOverBlowfishEsp() throws Exception {
        put(t.ah("10.0.0.1", "10.0.0.2", 15700, "hmac-md5", "1234567890123456"));
        put(t.ah("10.0.0.2", "10.0.0.1", 24500, "hmac-md5", "1234567890123456"));
        put(t.esp("10.0.0.1", "10.0.0.2", 15701, "blowfish-cbc", "12345", null, null));
        put(t.esp("10.0.0.2", "10.0.0.1", 24501, "blowfish-cbc", "12345", null, null));
        assertRequestsAndReplies(openAll("freebsd-howto.pcap", 2));
    }

    @Test
    void aesCbcWithHmacSha256() throws Exception {
        put(t.esp("10.0.0.1", "10.0.0.2", 0x1001, "aes-cbc", "0x00112233445566778899aabbccddeeff", "hmac-sha256",
                "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        put(t.esp("10.0.0.2", "10.0.0.1", 0x2001, "aes-cbc", "0xffeeddccbbaa99887766554433221100", "hmac-sha256",
                "0x1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100"));
        assertRequestsAndReplies(openAll("aes-cbc-sha256.pcap", 1));
    }

    @Test
    void aesGcm16() throws Exception {
        put(t.esp("10.0.0.1", "10.0.0.2", 0x3001, "aes-gcm-16", "0x000102030405060708090a0b0c0d0e0fcafebabe", null,
                null));
        put(t.esp("10.0.0.2", "10.0.0.1", 0x3002, "aes-gcm-16", "0x101112131415161718191a1b1c1d1e1fdeadbeef", null,
                null));
        assertRequestsAndReplies(openAll("aes-gcm.pcap", 1));
    }

    @Test
    void tunnelAesCtrWithHmacSha1() throws Exception {
        put(t.esp("10.0.0.1", "10.0.0.2", 0x4001, "aes-ctr", "0x000102030405060708090a0b0c0d0e0f00000030",
                "hmac-sha1", "01234567890123456789"));
        put(t.esp("10.0.0.2", "10.0.0.1", 0x4002, "aes-ctr", "0x7e24067817fae0d743d6ce1f32539163006cb6db",
                "hmac-sha1", "98765432109876543210"));
        assertRequestsAndReplies(openAll("tunnel-esp.pcap", 1));
    }
}
