package org.jsetkey.engine.link;

import java.util.Arrays;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.Ipv6Header;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.net.UdpHeader;

/**
 * The hosts' own messages on the link (announcements, peer check) as ordinary IP packets:
 * UDP from port {@link #PORT} to port {@link #PORT}, from one of the host's addresses to the
 * IPv4 limited broadcast 255.255.255.255 (IPv6: all-nodes ff02::1). Any IP stack can read
 * or ignore them; tcpdump prints them as plain UDP.
 */
public final class ControlPackets {
    /** The fixed announcement port, in the dynamic range where no service is registered. */
    public static final int PORT = 60500;
    public static final IpAddress BROADCAST4 = IpAddress.parse("255.255.255.255");
    public static final IpAddress UNSPECIFIED4 = IpAddress.parse("0.0.0.0");
    public static final IpAddress ALL_NODES6 = IpAddress.parse("ff02::1");
    /** UDP payload that keeps the whole packet under a 1280-byte IPv6 minimum MTU: never fragmented. */
    public static final int MAX_PAYLOAD = 1280 - Ipv6Header.LENGTH - UdpHeader.LENGTH;

    private ControlPackets() {
    }

    /** A whole IP packet carrying {@code payload} from {@code src} (0.0.0.0 when the host has no address). */
    public static byte[] build(IpAddress src, byte[] payload, int ipId) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("control payload of " + payload.length + " bytes (at most "
                    + MAX_PAYLOAD + ")");
        }
        IpAddress dst = src.isV4() ? BROADCAST4 : ALL_NODES6;
        byte[] udp = UdpHeader.build(src, dst, PORT, PORT, payload);
        return IpPacket.build(src, dst, IpProtocol.UDP.number(), udp, ipId, src.isV4() ? 1 : 255);
    }

    /**
     * The UDP payload when {@code ip} is UDP to {@link #PORT}, read from the packet's parse (walked
     * now if it was not yet); null when it is any other packet. Throws when it is addressed to the
     * port but its UDP header is malformed or its checksum wrong.
     */
    public static byte[] payload(Packet ip) {
        int off = ip.upperOffset();
        int end = ip.end();
        if (ip.protocol() != IpProtocol.UDP.number() || off + UdpHeader.LENGTH > end || ip.u16(off + 2) != PORT) {
            return null;
        }
        int len = ip.u16(off + 4);
        if (len < UdpHeader.LENGTH || off + len > end) {
            throw new IllegalArgumentException("UDP length " + len + " at offset " + off + " in a packet of "
                    + end + " bytes");
        }
        int stored = ip.u16(off + 6);
        if (stored != 0 || ip.version() == 6) {
            long sum = InternetChecksum.pseudoHeader(ip.source(), ip.destination(), IpProtocol.UDP.number(), len);
            if (InternetChecksum.finish(InternetChecksum.add(sum, ip.buffer(), ip.offset() + off, len)) != 0) {
                throw new IllegalArgumentException(String.format("UDP checksum 0x%04x is wrong", stored));
            }
        }
        int from = ip.offset() + off + UdpHeader.LENGTH;
        return Arrays.copyOfRange(ip.buffer(), from, from + len - UdpHeader.LENGTH);
    }

    /** True when {@code ip} is a valid IP packet carrying UDP to {@link #PORT} (checksum not checked). */
    public static boolean isControl(byte[] ip) {
        try {
            IpView v = IpView.parse(ip);
            return v.protocol() == IpProtocol.UDP.number() && v.offset() + UdpHeader.LENGTH <= v.end()
                    && PacketView.u16(ip, v.offset() + 2) == PORT;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks what the link demands of every datagram: a whole IPv4 or IPv6 packet (version,
     * header and total lengths within the datagram, IPv4 header checksum). Throws saying what is wrong.
     */
    public static IpView validate(byte[] data) {
        return validate(Packet.wrap(data)).view();
    }

    /** The same on a packet value, which it parses: the one walk over a datagram the link makes. */
    public static Packet validate(Packet data) {
        data.parse();
        if (data.version() == 4 && InternetChecksum.compute(data.buffer(), data.offset(), data.ipHeaderLength()) != 0) {
            throw new IllegalArgumentException(String.format("IPv4 header checksum 0x%04x is wrong", data.u16(10)));
        }
        return data;
    }
}
