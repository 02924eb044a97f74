package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class CodecTest {
    @Test
    void ipv4HeaderEncodesWithChecksumAndReadsBack() {
        Ipv4Header h = Ipv4Header.of(IpAddress.parse("192.0.2.10"), IpAddress.parse("198.51.100.20"),
                IpProtocol.ICMP.number(), 64, 1, 64);
        byte[] b = h.encode();
        assertEquals("45000054000100004001", HexFormat.of().formatHex(b, 0, 10));
        assertEquals(0, InternetChecksum.compute(b, 0, b.length));
        Packet d = Packet.wrap(IpPacket.build(h.src(), h.dst(), IpProtocol.ICMP.number(), new byte[64], 1, 64)).parse();
        assertEquals(HexFormat.of().formatHex(b), d.hex(0, 20));
        assertEquals(h.src(), d.source());
        assertEquals(h.dst(), d.destination());
        assertEquals(84, d.end());
        assertEquals(IpProtocol.ICMP.number(), d.protocol());
    }

    @Test
    void ipv6HeaderReadsBack() {
        Ipv6Header h = Ipv6Header.of(IpAddress.parse("2001:db8::1"), IpAddress.parse("2001:db8::2"), 58, 64, 64);
        Packet d = Packet.wrap(IpPacket.build(h.src(), h.dst(), 58, new byte[64], 0, 64)).parse();
        assertEquals(HexFormat.of().formatHex(h.encode()), d.hex(0, 40));
        assertEquals(h.src(), d.source());
        assertEquals(h.dst(), d.destination());
        assertEquals(58, d.protocol());
        assertEquals(104, d.end());
    }

    @Test
    void icmpv6EchoChecksumCoversThePseudoHeader() {
        IpAddress a = IpAddress.parse("2001:db8::1");
        IpAddress b = IpAddress.parse("2001:db8::2");
        IcmpEcho e = new IcmpEcho(true, false, 4660, 1, new byte[] {1, 2, 3});
        byte[] packet = e.toPacket(a, b, 0, 64);
        assertEquals(e, IcmpEcho.fromPacket(packet));
        packet[8 + 15] ^= 1; // another source address: the checksum no longer matches
        assertNull(IcmpEcho.fromPacket(packet));
    }

    @Test
    void udpChecksumVerifiesToZero() {
        IpAddress a = IpAddress.parse("192.0.2.1");
        IpAddress b = IpAddress.parse("192.0.2.2");
        byte[] d = UdpHeader.build(a, b, 500, 4500, new byte[] {9, 8, 7});
        assertEquals(0, InternetChecksum.finish(InternetChecksum.add(
                InternetChecksum.pseudoHeader(a, b, IpProtocol.UDP.number(), d.length), d, 0, d.length)));
        Packet p = Packet.wrap(IpPacket.build(a, b, IpProtocol.UDP.number(), d, 1, 64)).parse();
        assertEquals(500, p.sourcePort());
        assertEquals(4500, p.destinationPort());
        assertEquals(11, p.u16(p.upperOffset() + 4));
        assertEquals("090807", p.hex(p.upperOffset() + UdpHeader.LENGTH, 3));
    }
}
