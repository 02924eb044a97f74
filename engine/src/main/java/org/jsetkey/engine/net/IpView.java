package org.jsetkey.engine.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Where things are in a raw IPv4 or IPv6 packet: the end of the packet as its length field
 * says, and the first header after the IP header and the IPv6 extension headers that come
 * before AH/ESP (hop-by-hop, routing, fragment, destination options).
 *
 * @param version     4 or 6
 * @param ipHeaderLength 20 + options (IPv4) or 40 (IPv6)
 * @param end         offset just past the packet (from the total/payload length field)
 * @param protocol    the protocol of the header at {@code offset}
 * @param offset      where that header starts
 * @param fieldOffset where the byte naming {@code protocol} sits (IPv4 9, IPv6 6 or inside an extension header)
 */
public record IpView(int version, int ipHeaderLength, int end, int protocol, int offset, int fieldOffset) {

    /** Walks the header chain; throws {@link IllegalArgumentException} saying where it is malformed. */
    public static IpView parse(byte[] ip) {
        return parse(ip, true);
    }

    /** The walk of a packet whose upper layer is ICMP (IPv4) or ICMPv6 (IPv6); null for any other or a malformed one. */
    public static IpView icmp(byte[] ip) {
        IpView v;
        try {
            v = parse(ip);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean v6 = v.version() == 6;
        return v.protocol() == (v6 ? IpProtocol.ICMPV6.number() : IpProtocol.ICMP.number()) ? v : null;
    }

    /**
     * @param skipFinalDestOpts false to stop at a destination-options header that is not followed by a
     *                          routing header (the place where a transport-mode AH/ESP is inserted)
     */
    public static IpView parse(byte[] ip, boolean skipFinalDestOpts) {
        return Packet.wrap(ip).parse(skipFinalDestOpts).view();
    }

    /**
     * The IPsec headers a reader without keys sees from {@link #offset()}, outermost first: each AH
     * header names the next one; ESP and IPComp hide what follows them.
     */
    public List<Integer> visibleIpsecHeaders(byte[] ip) {
        List<Integer> chain = new ArrayList<>();
        int p = protocol;
        int off = offset;
        while (p == IpProtocol.AH.number() && off + 2 <= end) {
            chain.add(p);
            p = PacketView.u8(ip, off);
            off += PacketView.ahLength(PacketView.u8(ip, off + 1));
        }
        if (p == IpProtocol.ESP.number() || p == IpProtocol.IPCOMP.number()) {
            chain.add(p);
        }
        return chain;
    }

    /** A short hex dump for decode errors. */
    public static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < Math.min(b.length, off + len); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
