package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our packets as Debian's tcpdump and tshark see them (architecture.md §12). These tools are part of the
 * test environment: a missing tool fails the test with an install hint instead of skipping it.
 */
class ExternalDissectorsIT {
    private static final HexFormat HEX = HexFormat.of();
    private final Xform xform = new Xform();
    private final TestSa t = new TestSa();

    @TempDir
    Path dir;

    private static String run(String... cmd) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(cmd[0]))) {
            fail(cmd[0] + " is not installed; install it with: apt-get install -y tcpdump tshark");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd[0] + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), cmd[0] + " failed: " + text);
        return text;
    }

    private Path pcap(String name, List<byte[]> packets) throws IOException {
        Path f = dir.resolve(name);
        try (PcapWriter w = PcapWriter.create(f)) {
            long us = 1_700_000_000_000_000L;
            for (byte[] p : packets) {
                w.write(us, p);
                us += 1000;
            }
        }
        return f;
    }

    /** tcpdump lines without the timestamp. */
    private static List<String> tcpdump(Path f) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (String l : run("/usr/bin/tcpdump", "-n", "-r", f.toString()).split("\n")) {
            if (l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} .*")) {
                lines.add(l.substring(16));
            }
        }
        return lines;
    }

    @Test
    void tcpdumpShowsAhOverEspTransportAndTunnel() throws Exception {
        SaEntry esp = t.esp("192.0.2.10", "198.51.100.20", 0x3d55, "blowfish-cbc", "12345", null, null);
        SaEntry ah = t.ah("192.0.2.10", "198.51.100.20", 0x3d54, "hmac-md5", "1234567890123456");
        SaEntry esp6 = t.esp("2001:db8::1", "2001:db8::2", 0x1000, "aes-cbc", "0x00112233445566778899aabbccddeeff",
                "hmac-sha1", "01234567890123456789");
        SaEntry ah6 = t.ah("2001:db8::1", "2001:db8::2", 0x3d54, "hmac-sha1", "01234567890123456789");
        SaEntry tun = t.add("203.0.113.1", "203.0.113.2", SaType.ESP, 0x2000, SaMode.TUNNEL, 0, 0, "aes-cbc",
                TestSa.key("0x00112233445566778899aabbccddeeff"), "hmac-sha1", TestSa.key("01234567890123456789"),
                null);
        byte[] bundle = xform.seal(xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), esp, SaMode.TRANSPORT,
                null, null), ah, SaMode.TRANSPORT, null, null);
        byte[] v6esp = xform.seal(Packets.ping(Packets.V6_A, Packets.V6_B, 1), esp6, SaMode.TRANSPORT, null, null);
        byte[] v6ah = xform.seal(Packets.ping(Packets.V6_A, Packets.V6_B, 1), ah6, SaMode.TRANSPORT, null, null);
        byte[] tunnel = xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), tun, SaMode.TUNNEL,
                IpAddress.parse("203.0.113.1"), IpAddress.parse("203.0.113.2"));
        List<String> lines = tcpdump(pcap("sample.pcap", List.of(bundle, v6esp, v6ah, tunnel)));
        assertEquals(List.of(
                "IP 192.0.2.10 > 198.51.100.20: AH(spi=0x00003d54,seq=0x1,icv=0x"
                        + HEX.formatHex(bundle, 32, 44) + "): ESP(spi=0x00003d55,seq=0x1), length 88",
                // 8 ESP + 16 IV + 64 ICMP + 2 trailer padded to 80 + 12 ICV
                "IP6 2001:db8::1 > 2001:db8::2: ESP(spi=0x00001000,seq=0x1), length 116",
                "IP6 2001:db8::1 > 2001:db8::2: AH(spi=0x00003d54,seq=0x1,icv=0x" + HEX.formatHex(v6ah, 52, 64)
                        + "): ICMP6, echo request, id 4660, seq 1, length 64",
                // tunnel: 20-byte inner header more, padded to 96
                "IP 203.0.113.1 > 203.0.113.2: ESP(spi=0x00002000,seq=0x1), length 132"), lines);
    }

    /** One ESP SA as tshark's esp_sa UAT wants it (Wireshark 4.0 field order and enum names). */
    private record TsharkCase(String enc, String encKey, String auth, String authKey, String tsEnc,
                              String tsAuth) {
    }

    @Test
    void tsharkDecryptsAndAuthenticatesOurEsp() throws Exception {
        List<TsharkCase> cases = List.of(
                new TsharkCase("aes-cbc", "0x00112233445566778899aabbccddeeff", "hmac-sha1",
                        "0x0123456789abcdef0123456789abcdef01234567", "AES-CBC [RFC3602]", "HMAC-SHA-1-96 [RFC2404]"),
                new TsharkCase("aes-cbc", "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                        "hmac-sha2-256", "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                        "AES-CBC [RFC3602]", "HMAC-SHA-256-128 [RFC4868]"),
                new TsharkCase("3des-cbc", "0x000102030405060708090a0b0c0d0e0f1011121314151617", "hmac-md5",
                        "0x000102030405060708090a0b0c0d0e0f", "TripleDES-CBC [RFC2451]", "HMAC-MD5-96 [RFC2403]"),
                new TsharkCase("aes-ctr", "0x000102030405060708090a0b0c0d0e0f00000030", "hmac-sha1",
                        "0x0123456789abcdef0123456789abcdef01234567", "AES-CTR [RFC3686]", "HMAC-SHA-1-96 [RFC2404]"),
                new TsharkCase("null", null, "hmac-sha1", "0x0123456789abcdef0123456789abcdef01234567", "NULL",
                        "HMAC-SHA-1-96 [RFC2404]"),
                new TsharkCase("blowfish-cbc", "0x000102030405060708090a0b0c0d0e0f", "hmac-sha1",
                        "0x0123456789abcdef0123456789abcdef01234567", "BLOWFISH-CBC [RFC2451]",
                        "HMAC-SHA-1-96 [RFC2404]"),
                new TsharkCase("aes-gcm-16", "0x000102030405060708090a0b0c0d0e0fcafebabe", null, null,
                        "AES-GCM with 16 octet ICV [RFC4106]", "NULL"));
        long spi = 0x1000;
        for (TsharkCase c : cases) {
            spi++;
            SaEntry sa = t.esp("192.0.2.10", "198.51.100.20", spi, c.enc(), c.encKey(), c.auth(), c.authKey());
            Path f = pcap(c.enc() + spi + ".pcap", List.of(
                    xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 1), sa, SaMode.TRANSPORT, null, null),
                    xform.seal(Packets.ping(Packets.V4_A, Packets.V4_B, 2), sa, SaMode.TRANSPORT, null, null)));
            String uat = String.format("uat:esp_sa:\"IPv4\",\"192.0.2.10\",\"198.51.100.20\",\"0x%08x\",\"%s\",\"%s\","
                    + "\"%s\",\"%s\"", spi, c.tsEnc(), c.encKey() == null ? "" : c.encKey(), c.tsAuth(),
                    c.authKey() == null ? "" : c.authKey());
            String out = run("/usr/bin/tshark", "-r", f.toString(), "-o", "esp.enable_encryption_decode:TRUE",
                    "-o", "esp.enable_authentication_check:TRUE", "-o", uat, "-V");
            String label = c.enc() + "/" + c.auth() + ":\n" + out;
            assertEquals(2, count(out, "Echo (ping) request"), label);
            assertEquals(2, count(out, "[Good: True]"), label);
            assertEquals(0, count(out, "[Bad: True]"), label);
        }
    }

    /** ESP in UDP 4500 (RFC 3948) and a NAT-keepalive, IPv4 and IPv6, as Debian's tcpdump prints them. */
    @Test
    void tcpdumpShowsUdpEncapsulatedEspAndKeepalives() throws Exception {
        SaEntry esp = t.esp("203.0.113.1", "198.51.100.20", 0x1000, "aes-cbc", "0x00112233445566778899aabbccddeeff",
                "hmac-sha1", "01234567890123456789");
        SaEntry esp6 = t.esp("2001:db8::1", "2001:db8::2", 0x2000, "aes-cbc", "0x00112233445566778899aabbccddeeff",
                "hmac-sha1", "01234567890123456789");
        NatT natt = new NatT(4500, 4500, null);
        byte[] v4 = UdpEncap.wrap(xform.seal(Packets.ping(IpAddress.parse("203.0.113.1"),
                IpAddress.parse("198.51.100.20"), 1), esp, SaMode.TRANSPORT, null, null), natt);
        byte[] v6 = UdpEncap.wrap(xform.seal(Packets.ping(Packets.V6_A, Packets.V6_B, 1), esp6, SaMode.TRANSPORT,
                null, null), new NatT(4500, 61000, null));
        byte[] keepalive = UdpEncap.keepalive(IpAddress.parse("203.0.113.1"), IpAddress.parse("198.51.100.20"), natt,
                7);
        byte[] ike = org.jsetkey.engine.net.IpPacket.build(IpAddress.parse("203.0.113.1"),
                IpAddress.parse("198.51.100.20"), 17, org.jsetkey.engine.net.UdpHeader.build(
                        IpAddress.parse("203.0.113.1"), IpAddress.parse("198.51.100.20"), 4500, 4500,
                        new byte[] {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}), 8, 64);
        List<byte[]> packets = List.of(v4, v6, keepalive, ike);
        List<String> lines = tcpdump(pcap("natt.pcap", packets));
        assertEquals(List.of(
                "IP 203.0.113.1.4500 > 198.51.100.20.4500: UDP-encap: ESP(spi=0x00001000,seq=0x1), length 116",
                "IP6 2001:db8::1.4500 > 2001:db8::2.61000: UDP-encap: ESP(spi=0x00002000,seq=0x1), length 116",
                "IP 203.0.113.1.4500 > 198.51.100.20.4500: isakmp-nat-keep-alive",
                "IP 203.0.113.1.4500 > 198.51.100.20.4500: NONESP-encap:  [|isakmp]"), lines);
        org.jsetkey.engine.print.TcpdumpFormatter ours = new org.jsetkey.engine.print.TcpdumpFormatter(false,
                java.time.ZoneOffset.UTC);
        for (int i = 0; i < packets.size(); i++) {
            assertEquals(lines.get(i), ours.format(packets.get(i)), "jsetkey's trace line " + i);
        }
    }

    @Test
    void tsharkDecryptsEspInUdp() throws Exception {
        SaEntry sa = t.esp("203.0.113.1", "198.51.100.20", 0x1000, "aes-cbc", "0x00112233445566778899aabbccddeeff",
                "hmac-sha1", "0x0123456789abcdef0123456789abcdef01234567");
        NatT natt = new NatT(4500, 4500, null);
        Path f = pcap("natt-tshark.pcap", List.of(
                UdpEncap.wrap(xform.seal(Packets.ping(IpAddress.parse("203.0.113.1"), IpAddress.parse("198.51.100.20"),
                        1), sa, SaMode.TRANSPORT, null, null), natt),
                UdpEncap.wrap(xform.seal(Packets.ping(IpAddress.parse("203.0.113.1"), IpAddress.parse("198.51.100.20"),
                        2), sa, SaMode.TRANSPORT, null, null), natt)));
        String uat = "uat:esp_sa:\"IPv4\",\"203.0.113.1\",\"198.51.100.20\",\"0x00001000\",\"AES-CBC [RFC3602]\","
                + "\"0x00112233445566778899aabbccddeeff\",\"HMAC-SHA-1-96 [RFC2404]\","
                + "\"0x0123456789abcdef0123456789abcdef01234567\"";
        String out = run("/usr/bin/tshark", "-r", f.toString(), "-o", "esp.enable_encryption_decode:TRUE",
                "-o", "esp.enable_authentication_check:TRUE", "-o", uat, "-V");
        assertEquals(2, count(out, "User Datagram Protocol, Src Port: 4500, Dst Port: 4500"), out);
        assertEquals(2, count(out, "UDP Encapsulation of IPsec Packets"), out);
        assertEquals(2, count(out, "Echo (ping) request"), out);
        assertEquals(2, count(out, "[Good: True]"), out);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
