package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.sad.NatT;

/**
 * ESP in UDP (RFC 3948): putting a UDP header in front of an ESP header and taking it off, and
 * telling the three kinds of datagram on a NAT-T port apart (§2.2 non-ESP marker, §2.3
 * NAT-keepalive, otherwise ESP: its SPI is never 0).
 */
public final class UdpEncap {
    /** The one-byte NAT-keepalive payload (RFC 3948 §2.3). */
    public static final int KEEPALIVE_BYTE = 0xff;

    /** What a datagram to a NAT-T port carries. */
    public enum Kind {
        ESP, KEEPALIVE, NON_ESP, TOO_SHORT
    }

    private UdpEncap() {
    }

    /**
     * Inserts {@code sport > dport} UDP in front of the first ESP header of {@code ip} (transport
     * and tunnel alike: it is always right after the outer IP header). The UDP checksum is 0 on
     * IPv4 (§2.1 allows it) and computed on IPv6, where 0 is not allowed (RFC 8200 §8.1).
     */
    public static byte[] wrap(byte[] ip, NatT natt) throws XformException {
        Packet p = Packet.wrap(ip);
        IpsecHeader h = IpsecHeaders.locate(p);
        if (h == null || h.protocol() != IpProtocol.ESP.number()) {
            throw new XformException(XformFailure.NO_HEADER, "no ESP header to put in UDP");
        }
        int end = p.end();
        int off = h.offset();
        byte[] out = new byte[end + UdpHeader.LENGTH];
        System.arraycopy(ip, 0, out, 0, off);
        System.arraycopy(ip, off, out, off + UdpHeader.LENGTH, end - off);
        int udpLength = end + UdpHeader.LENGTH - off;
        put16(out, off, natt.sport());
        put16(out, off + 2, natt.dport());
        put16(out, off + 4, udpLength);
        out[h.fieldOffset()] = (byte) IpProtocol.UDP.number();
        if ((out[0] & 0xf0) == 0x40) {
            put16(out, 2, PacketView.u16(out, 2) + UdpHeader.LENGTH);
            Ipv4Header.fixChecksum(out);
        } else {
            put16(out, 4, PacketView.u16(out, 4) + UdpHeader.LENGTH);
            put16(out, off + 6, checksum(out, off, udpLength));
        }
        return out;
    }

    /** The UDP checksum of the datagram at {@code off}, its own field taken as 0; 0xffff for 0. */
    static int checksum(byte[] ip, int off, int udpLength) {
        IpAddress src = IpPacket.source(ip);
        IpAddress dst = IpPacket.destination(ip);
        long sum = InternetChecksum.pseudoHeader(src, dst, IpProtocol.UDP.number(), udpLength);
        sum = InternetChecksum.add(sum, ip, off, 6);
        sum = InternetChecksum.add(sum, ip, off + 8, udpLength - 8);
        int c = InternetChecksum.finish(sum);
        return c == 0 ? 0xffff : c;
    }

    /**
     * Whether the UDP checksum of the datagram at {@code v.offset()} is right: IPv4 may leave it 0
     * (not checked), IPv6 may not.
     */
    public static boolean checksumOk(byte[] ip, IpView v) {
        int stored = PacketView.u16(ip, v.offset() + 6);
        if (stored == 0) {
            return v.version() == 4;
        }
        return checksum(ip, v.offset(), v.end() - v.offset()) == stored;
    }

    /** The kind of the UDP payload of the datagram at {@code v.offset()} (RFC 3948 §2.2, §2.3). */
    public static Kind classify(byte[] ip, IpView v) {
        int payload = v.offset() + UdpHeader.LENGTH;
        return classify(ip, payload, v.end() - payload);
    }

    /** The kind of the UDP payload of {@code len} bytes at {@code b[payload..]}. */
    public static Kind classify(byte[] b, int payload, int len) {
        if (len == 1 && (b[payload] & 0xff) == KEEPALIVE_BYTE) {
            return Kind.KEEPALIVE;
        }
        if (len >= 4 && PacketView.u32(b, payload) == 0) {
            return Kind.NON_ESP;
        }
        // an ESP header (SPI and sequence number) at least
        return len >= 8 ? Kind.ESP : Kind.TOO_SHORT;
    }

    /** The packet with the UDP header at {@code v.offset()} removed and ESP named in its place. */
    public static byte[] unwrap(byte[] ip, IpView v) {
        int off = v.offset();
        int end = v.end();
        byte[] out = new byte[end - UdpHeader.LENGTH];
        System.arraycopy(ip, 0, out, 0, off);
        System.arraycopy(ip, off + UdpHeader.LENGTH, out, off, end - off - UdpHeader.LENGTH);
        out[v.fieldOffset()] = (byte) IpProtocol.ESP.number();
        if (v.version() == 4) {
            put16(out, 2, PacketView.u16(out, 2) - UdpHeader.LENGTH);
            Ipv4Header.fixChecksum(out);
        } else {
            put16(out, 4, PacketView.u16(out, 4) - UdpHeader.LENGTH);
        }
        return out;
    }

    /**
     * The packet with its UDP header taken off when it is ESP in UDP from or to port 4500 (as
     * tcpdump reads it), else null.
     */
    public static byte[] espInside(byte[] ip) {
        IpView v;
        try {
            v = IpView.parse(ip);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (v.protocol() != IpProtocol.UDP.number() || v.end() - v.offset() < UdpHeader.LENGTH) {
            return null;
        }
        int sport = PacketView.u16(ip, v.offset());
        int dport = PacketView.u16(ip, v.offset() + 2);
        if (sport != NatT.PORT && dport != NatT.PORT || classify(ip, v) != Kind.ESP) {
            return null;
        }
        return unwrap(ip, v);
    }

    /** A NAT-keepalive datagram {@code src.sport > dst.dport} (one 0xFF byte, checksum computed). */
    public static byte[] keepalive(IpAddress src, IpAddress dst, NatT natt, int ipId) {
        byte[] udp = UdpHeader.build(src, dst, natt.sport(), natt.dport(), new byte[] {(byte) KEEPALIVE_BYTE});
        return IpPacket.build(src, dst, IpProtocol.UDP.number(), udp, ipId, 64);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 8);
        b[off + 1] = (byte) v;
    }
}
