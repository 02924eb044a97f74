package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.Ipv6Header;
import org.jsetkey.engine.net.Packet;

/**
 * Where a transform goes in a packet, kept in the packet's own parse (no value per packet): the
 * head (the IP header plus the extension headers that stay in front) is {@link Packet#upperOffset()}
 * bytes, its byte at {@link Packet#fieldOffset()} names {@link Packet#protocol()}, and the payload
 * behind it runs to {@link Packet#end()}. {@link #transport} and {@link #tunnel} make the parse
 * say so; the transform reads those values before it changes the packet, {@link #insert}s its
 * header between head and payload in place, then {@link #fix}es next header, lengths and the
 * IPv4 checksum.
 */
final class Envelope {
    static final int TUNNEL_TTL = 64;

    private Envelope() {
    }

    /** Transport mode: the cut after the IP header and the hop-by-hop/routing/fragment headers. */
    static void transport(Packet p) throws XformException {
        IpsecHeaders.validate(p);
        if (p.v6()) {
            // a transport header goes in front of a final destination-options header: walk again to it
            p.parse(false);
        }
        trim(p);
    }

    /**
     * Tunnel mode: a new outer header src→dst put in front of the whole packet, in place (TTL 64,
     * DF from net.inet.ipsec.dfbit, TOS copied); the cut is right behind it.
     */
    static void tunnel(Packet p, IpAddress src, IpAddress dst, int id, Tunables knobs) throws XformException {
        if (src == null || dst == null || !src.sameFamily(dst)) {
            throw new XformException(XformFailure.BAD_TUNNEL, "tunnel mode needs two endpoints of one family, got "
                    + src + " and " + dst);
        }
        IpsecHeaders.validate(p);
        boolean innerV4 = p.version() == 4;
        int tos = knobs.outerTos(innerV4 ? p.u8(1) : ((p.u16(0) >> 4) & 0xff));
        int next = innerV4 ? IpProtocol.IPV4.number() : IpProtocol.IPV6.number();
        boolean innerDf = innerV4 && (p.u16(6) & Ipv4Header.FLAG_DF) != 0;
        trim(p);
        byte[] h = src.isV4()
                ? new Ipv4Header(tos, 0, id & 0xffff, knobs.outerFlags(innerDf), TUNNEL_TTL, next, 0, src, dst,
                        null).encode()
                : new Ipv6Header(tos, 0, 0, next, TUNNEL_TTL, src, dst).encode();
        int at = p.prepend(h.length);
        System.arraycopy(h, 0, p.buffer(), at, h.length);
        p.changed(); // new outer addresses: the inner packet's parse no longer holds
        p.set(src.isV4() ? 4 : 6, h.length, p.length(), next, h.length, src.isV4() ? 9 : 6);
    }

    /** Drops bytes behind the packet's end (link padding): the transform's output ends where its data does. */
    private static void trim(Packet p) {
        p.cutTo(p.end());
    }

    /**
     * Opens a gap of {@code n} bytes behind the {@code head} bytes in front; returns where it starts
     * in the buffer.
     */
    static int insert(Packet p, int head, int n) {
        p.prepend(n);
        byte[] b = p.buffer();
        System.arraycopy(b, p.offset() + n, b, p.offset(), head);
        return p.offset() + head;
    }

    /**
     * Names {@code protocol} at {@code fieldOffset} of a packet whose head is {@code headLength}
     * bytes, sets its length fields to the packet's length and the IPv4 checksum; the packet's
     * parse becomes what a walk would find (an IPv6 packet is walked again lazily: what follows
     * may be an extension header).
     */
    static void fix(Packet p, int version, int headLength, int fieldOffset, int protocol) {
        byte[] b = p.buffer();
        int o = p.offset();
        int n = p.length();
        b[o + fieldOffset] = (byte) protocol;
        if (version == 4) {
            b[o + 2] = (byte) (n >> 8);
            b[o + 3] = (byte) n;
            Ipv4Header.fixChecksum(b, o);
            // the addresses stay what they were (a tunnel's outer ones were forgotten when it was put on)
            p.set(4, (b[o] & 0x0f) * 4, n, protocol, headLength, fieldOffset);
        } else {
            int plen = n - Ipv6Header.LENGTH;
            b[o + 4] = (byte) (plen >> 8);
            b[o + 5] = (byte) plen;
            p.changed();
        }
    }
}
