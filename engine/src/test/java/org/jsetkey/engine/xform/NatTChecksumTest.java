package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.net.UdpHeader;
import org.junit.jupiter.api.Test;

/** RFC 3948 §3.1.2 under each natt_cksum_policy, on a UDP and a TCP segment whose source a NAT rewrote. */
class NatTChecksumTest {
    private static final IpAddress ORIGINAL = IpAddress.parse("10.0.1.2");
    private static final IpAddress NAT = IpAddress.parse("203.0.113.1");
    private static final IpAddress DST = IpAddress.parse("198.51.100.20");

    /** A UDP datagram checksummed from ORIGINAL, then with NAT in its IP header (as opened ESP leaves it). */
    private static byte[] natted(byte[] upper, int proto) {
        byte[] ip = IpPacket.build(ORIGINAL, DST, proto, upper, 1, 64);
        System.arraycopy(NAT.bytes(), 0, ip, 12, 4);
        org.jsetkey.engine.net.Ipv4Header.fixChecksum(ip);
        return ip;
    }

    private static int verify(byte[] ip, int proto) {
        int len = ip.length - 20;
        return InternetChecksum.finish(InternetChecksum.add(
                InternetChecksum.pseudoHeader(NAT, DST, proto, len), ip, 20, len));
    }

    private static byte[] tcp() {
        byte[] seg = new byte[24];
        seg[0] = 0x30;
        seg[1] = 0x39;
        seg[3] = 80;
        seg[12] = 0x50;
        seg[13] = 0x02;
        seg[20] = 'h';
        int sum = InternetChecksum.finish(InternetChecksum.add(
                InternetChecksum.pseudoHeader(ORIGINAL, DST, 6, seg.length), seg, 0, seg.length));
        seg[16] = (byte) (sum >> 8);
        seg[17] = (byte) sum;
        return seg;
    }

    @Test
    void incrementalUpdateFromTheOriginalAddressMakesBothChecksumsVerify() {
        byte[] udp = natted(UdpHeader.build(ORIGINAL, DST, 5000, 53, "query".getBytes()), 17);
        assertNotEquals(0, verify(udp, 17), "before: the checksum covers the original address");
        NatTChecksum.adjust(udp, ORIGINAL, 0);
        assertEquals(0, verify(udp, 17));
        byte[] t = natted(tcp(), 6);
        NatTChecksum.adjust(t, ORIGINAL, 0);
        assertEquals(0, verify(t, 6));
    }

    @Test
    void policyZeroWithoutOriginalAddressLeavesIt() {
        byte[] udp = natted(UdpHeader.build(ORIGINAL, DST, 5000, 53, "query".getBytes()), 17);
        byte[] before = udp.clone();
        NatTChecksum.adjust(udp, null, 0);
        assertEquals(PacketView.u16(before, 26), PacketView.u16(udp, 26));
    }

    @Test
    void policyOneRecomputesAndTwoZeroesUdpOnly() {
        byte[] udp = natted(UdpHeader.build(ORIGINAL, DST, 5000, 53, "query".getBytes()), 17);
        NatTChecksum.adjust(udp, null, 1);
        assertEquals(0, verify(udp, 17));
        byte[] udp2 = natted(UdpHeader.build(ORIGINAL, DST, 5000, 53, "query".getBytes()), 17);
        NatTChecksum.adjust(udp2, ORIGINAL, 2);
        assertEquals(0, PacketView.u16(udp2, 26), "UDP checksum 0: not checked");
        byte[] t = natted(tcp(), 6);
        int stored = PacketView.u16(t, 36);
        NatTChecksum.adjust(t, ORIGINAL, 2);
        assertEquals(stored, PacketView.u16(t, 36), "TCP is left as it came");
    }
}
