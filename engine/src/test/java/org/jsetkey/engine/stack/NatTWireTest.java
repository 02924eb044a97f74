package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.tool.PingResult;
import org.junit.jupiter.api.Test;

/** ESP in UDP on the wire (RFC 3948 §2.1-2.3) between two hosts: the bytes, both families, both modes. */
class NatTWireTest {
    private static final String KEYS = " -E aes-cbc 0x00112233445566778899aabbccddeeff"
            + " -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233;\n";

    /** The two SAs between p and c, esp-udp with these ports, or plain esp when {@code ports} is null. */
    private static String sas(String p, String c, String mode, String[] ports) {
        String proto = ports == null ? " esp" : " esp-udp";
        String pp = ports == null ? "" : ports[0];
        String cp = ports == null ? "" : ports[1];
        return "add " + p + pp + " " + c + cp + proto + " 0x1000 -m " + mode + KEYS
                + "add " + c + cp + " " + p + pp + proto + " 0x1001 -m " + mode + KEYS;
    }

    /** Both hosts' SAs (phoenix's and cardinal's may differ in NAT-T) and mirrored require policies. */
    private static void configure(LabPair lab, String p, String c, String mode, String[] pPorts, String[] cPorts) {
        String rule = mode.equals("tunnel") ? "esp/tunnel/%s-%s/require" : "esp/transport//require";
        String out = String.format(rule, p, c);
        String in = String.format(rule, c, p);
        LabPair.load(lab.phoenix, sas(p, c, mode, pPorts) + "spdadd " + p + " " + c + " any -P out ipsec " + out
                + ";\nspdadd " + c + " " + p + " any -P in ipsec " + in + ";\n");
        LabPair.load(lab.cardinal, sas(p, c, mode, cPorts) + "spdadd " + c + " " + p + " any -P out ipsec " + in
                + ";\nspdadd " + p + " " + c + " any -P in ipsec " + out + ";\n");
    }

    private static final String[] NATT = {"[4500]", "[4500]"};
    private static final String[] PORTS = {"[4500]", "[4501]"};

    private static List<byte[]> wire(LabPair lab) {
        List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
        lab.phoenix.link().tap(x -> {
            if (!x.control()) {
                sent.add(x.bytes());
            }
        });
        return sent;
    }

    /** The UDP header of an ESP-in-UDP packet at {@code off}: ports, length, then a non-zero SPI. */
    private static void assertEspInUdp(byte[] ip, int off, int sport, int dport, long spi) {
        assertEquals(sport, PacketView.u16(ip, off));
        assertEquals(dport, PacketView.u16(ip, off + 2));
        assertEquals(ip.length - off, PacketView.u16(ip, off + 4), "UDP length");
        assertEquals(spi, PacketView.u32(ip, off + 8), "the ESP SPI right after the UDP header");
    }

    @Test
    void ipv4TransportPingRunsInUdp4500WithChecksumZero() throws Exception {
        try (LabPair lab = new LabPair()) {
            List<byte[]> sent = wire(lab);
            configure(lab, "192.0.2.10", "198.51.100.20", "transport", NATT, NATT);
            PingResult r = lab.ping(lab.phoenix, LabPair.CARDINAL, 2);
            assertEquals(2, r.received(), r.toString());
            byte[] req = sent.get(0);
            assertEquals(IpProtocol.UDP.number(), req[9]);
            assertEquals(req.length, PacketView.u16(req, 2), "IPv4 total length");
            assertEquals(0, InternetChecksum.compute(req, 0, 20), "IPv4 header checksum");
            assertEspInUdp(req, 20, 4500, 4500, 0x1000);
            assertEquals(0, PacketView.u16(req, 26), "UDP checksum 0 on IPv4 (RFC 3948 2.1)");
            assertEquals(1, PacketView.u32(req, 32), "ESP sequence number");
            assertEquals(2, lab.phoenix.natt().encapsulatedCount());
            assertEquals(2, lab.cardinal.natt().decapsulatedCount());
            assertEquals(2, lab.phoenix.natt().decapsulatedCount());
            org.jsetkey.engine.tool.Inspector.Inspection in = new org.jsetkey.engine.tool.Inspector(lab.phoenix)
                    .inspect(req);
            assertEquals(null, in.failure());
            assertEquals("IP 192.0.2.10 > 198.51.100.20: ICMP echo request, id " + PacketView.u16(in.inner(), 24)
                    + ", seq 1, length 64", new org.jsetkey.engine.print.TcpdumpFormatter(false,
                    java.time.ZoneOffset.UTC).format(in.inner()), "tcpdump -d shows the packet inside");
        }
    }

    @Test
    void ipv6TransportComputesTheUdpChecksum() throws Exception {
        try (LabPair lab = new LabPair()) {
            List<byte[]> sent = wire(lab);
            configure(lab, "2001:db8:1::10", "2001:db8:2::20", "transport", PORTS, PORTS);
            assertEquals(1, lab.ping(lab.phoenix, LabPair.CARDINAL6, 1).received());
            byte[] req = sent.get(0);
            assertEquals(IpProtocol.UDP.number(), req[6]);
            assertEquals(req.length - 40, PacketView.u16(req, 4), "IPv6 payload length");
            assertEspInUdp(req, 40, 4500, 4501, 0x1000);
            int udpLength = req.length - 40;
            long sum = InternetChecksum.pseudoHeader(IpAddress.parse("2001:db8:1::10"),
                    IpAddress.parse("2001:db8:2::20"), 17, udpLength);
            assertNotEquals(0, PacketView.u16(req, 46), "IPv6 forbids a zero UDP checksum");
            assertEquals(0, InternetChecksum.finish(InternetChecksum.add(sum, req, 40, udpLength)),
                    "the UDP checksum verifies over the pseudo-header");
        }
    }

    @Test
    void tunnelModeBothFamiliesPutUdpRightAfterTheOuterHeader() throws Exception {
        try (LabPair lab = new LabPair()) {
            List<byte[]> sent = wire(lab);
            configure(lab, "192.0.2.10", "198.51.100.20", "tunnel", NATT, NATT);
            assertEquals(1, lab.ping(lab.phoenix, LabPair.CARDINAL, 1).received());
            byte[] req = sent.get(0);
            assertEquals(17, req[9]);
            assertEspInUdp(req, 20, 4500, 4500, 0x1000);
        }
        try (LabPair lab = new LabPair()) {
            List<byte[]> sent = wire(lab);
            configure(lab, "2001:db8:1::10", "2001:db8:2::20", "tunnel", NATT, NATT);
            assertEquals(1, lab.ping(lab.phoenix, LabPair.CARDINAL6, 1).received());
            byte[] req = sent.get(0);
            assertEquals(17, req[6]);
            assertEspInUdp(req, 40, 4500, 4500, 0x1000);
        }
    }

    @Test
    void keepalivesAreOneFfByteAndIgnoredOnReceipt() throws Exception {
        try (LabPair lab = new LabPair()) {
            List<byte[]> sent = wire(lab);
            configure(lab, "192.0.2.10", "198.51.100.20", "transport", NATT, NATT);
            lab.phoenix.sysctl().setInt(SysctlNames.IPSEC_NATT_KEEPALIVE, 1);
            lab.phoenix.tick();
            Thread.sleep(1100);
            lab.phoenix.tick();
            assertEquals(1, lab.phoenix.natt().keepalivesSentCount());
            byte[] k = sent.get(0);
            assertEquals(29, k.length, "IPv4 + UDP + one byte");
            assertEquals(17, k[9]);
            assertEquals(4500, PacketView.u16(k, 20));
            assertEquals(4500, PacketView.u16(k, 22));
            assertEquals(9, PacketView.u16(k, 24));
            assertEquals(0xff, k[28] & 0xff);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lab.cardinal.natt().keepalivesReceivedCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, lab.cardinal.natt().keepalivesReceivedCount());
            assertTrue(lab.drops(lab.cardinalEvents).isEmpty(), "a keepalive is no drop");
        }
    }

    @Test
    void nonEspMarkerGoesToKeyManagementAsUdp() throws Exception {
        try (LabPair lab = new LabPair()) {
            configure(lab, "192.0.2.10", "198.51.100.20", "transport", NATT, NATT);
            List<Delivered> got = Collections.synchronizedList(new ArrayList<>());
            lab.cardinal.onDelivered(d -> got.add(d.keep()));
            byte[] ike = org.jsetkey.engine.net.IpPacket.build(LabPair.PHOENIX, LabPair.CARDINAL, 17,
                    org.jsetkey.engine.net.UdpHeader.build(LabPair.PHOENIX, LabPair.CARDINAL, 4500, 4500,
                            new byte[] {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}), 7, 64);
            lab.cardinal.receive(ike);
            assertEquals(1, lab.cardinal.natt().nonEspCount());
            assertEquals(1, got.size());
            assertEquals(ike.length, got.get(0).packet().length, "handed on unchanged, marker and all");
        }
    }

    @Test
    void aPeerWithoutUdpOrWithUdpIsNamed() throws Exception {
        try (LabPair lab = new LabPair()) {
            configure(lab, "192.0.2.10", "198.51.100.20", "transport", NATT, null);
            assertEquals(0, lab.ping(lab.phoenix, LabPair.CARDINAL, 1).received());
            KeyEvent.Drop d = lab.drops(lab.cardinalEvents).get(0);
            assertEquals(DropReason.ENCAP_MISMATCH, d.reason());
            assertEquals("esp SA spi 4096 (0x00001000) from 192.0.2.10 to 198.51.100.20 received ESP inside UDP"
                    + " 4500 > 4500: the peer's SA is esp-udp (NAT-T) where this one is plain esp", d.explanation());
        }
        try (LabPair lab = new LabPair()) {
            configure(lab, "192.0.2.10", "198.51.100.20", "transport", null, NATT);
            assertEquals(0, lab.ping(lab.phoenix, LabPair.CARDINAL, 1).received());
            KeyEvent.Drop d = lab.drops(lab.cardinalEvents).get(0);
            assertEquals(DropReason.ENCAP_MISMATCH, d.reason());
            assertEquals("esp-udp SA spi 4096 (0x00001000) from 192.0.2.10 to 198.51.100.20 received plain ESP"
                    + " (IP protocol 50): the peer sends without UDP encapsulation, its SA is esp where this one is"
                    + " esp-udp (NAT-T)", d.explanation());
        }
    }

    @Test
    void theSaFollowsThePortTheNatChose() throws Exception {
        try (LabPair lab = new LabPair()) {
            List<byte[]> sent = wire(lab);
            configure(lab, "192.0.2.10", "198.51.100.20", "transport", NATT, NATT);
            assertEquals(1, lab.ping(lab.phoenix, LabPair.CARDINAL, 1).received());
            byte[] req = sent.get(0).clone();
            // what a NAT does to the datagram: another source port (the checksum is 0, nothing else changes)
            req[20] = (byte) (61000 >> 8);
            req[21] = (byte) 61000;
            // no -r: no replay window, so the same packet may come again
            lab.cardinal.receive(req);
            SaEntry back = lab.cardinal.sad().snapshot().stream()
                    .filter(e -> e.sa().src().equals(LabPair.CARDINAL)).findFirst().orElseThrow();
            assertEquals(1, lab.cardinal.natt().portChangeCount(), lab.drops(lab.cardinalEvents).toString());
            assertEquals(61000, back.natT().dport(), "cardinal now sends to the port the NAT chose");
            assertEquals(4500, back.sa().natt().dport(), "the configuration stays as setkey gave it");
        }
    }
}
