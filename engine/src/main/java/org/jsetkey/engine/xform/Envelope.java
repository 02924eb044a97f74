package org.jsetkey.engine.xform;

import java.util.Arrays;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.Ipv6Header;
import org.jsetkey.engine.net.PacketView;

/**
 * A packet cut where a transform goes: the head (IP header plus the extension headers that stay
 * in front: {@code head[0..headLength)}), the offset of the next-header byte inside it, the protocol
 * that byte named, and the payload behind ({@code body[bodyOffset..+payloadLength)}). In transport
 * mode head and body are the caller's packet itself: nothing is copied until the output is built.
 * {@link #assemble} and {@link #fix} glue a new body on and fix next-header, lengths and checksum.
 */
record Envelope(byte[] head, int headLength, int fieldOffset, int nextHeader, byte[] body, int bodyOffset,
                int payloadLength) {
    static final int TUNNEL_TTL = 64;

    /** Transport mode: cut after the IP header and the hop-by-hop/routing/fragment headers. */
    static Envelope transport(byte[] ip) throws XformException {
        IpsecHeaders.view(ip);
        IpView v = IpView.parse(ip, false);
        return new Envelope(ip, v.offset(), v.fieldOffset(), v.protocol(), ip, v.offset(), v.end() - v.offset());
    }

    /** Tunnel mode: a new outer header src→dst around the whole packet (TTL 64, DF clear, TOS copied). */
    static Envelope tunnel(byte[] ip, IpAddress src, IpAddress dst, int id, Tunables knobs) throws XformException {
        if (src == null || dst == null || !src.sameFamily(dst)) {
            throw new XformException(XformFailure.BAD_TUNNEL, "tunnel mode needs two endpoints of one family, got "
                    + src + " and " + dst);
        }
        IpView v = IpsecHeaders.view(ip);
        int tos = knobs.outerTos(v.version() == 4 ? ip[1] & 0xff : ((PacketView.u16(ip, 0) >> 4) & 0xff));
        int next = v.version() == 4 ? IpProtocol.IPV4.number() : IpProtocol.IPV6.number();
        boolean innerDf = v.version() == 4 && (PacketView.u16(ip, 6) & Ipv4Header.FLAG_DF) != 0;
        if (src.isV4()) {
            byte[] h = new Ipv4Header(tos, 0, id & 0xffff, knobs.outerFlags(innerDf), TUNNEL_TTL, next, 0, src, dst,
                    null).encode();
            return new Envelope(h, h.length, 9, next, ip, 0, v.end());
        }
        byte[] h = new Ipv6Header(tos, 0, 0, next, TUNNEL_TTL, src, dst).encode();
        return new Envelope(h, h.length, 6, next, ip, 0, v.end());
    }

    /** Opening: the part in front of the located header stays, a body follows. */
    static Envelope opening(byte[] ip, IpsecHeader h) {
        return new Envelope(ip, h.offset(), h.fieldOffset(), h.protocol(), ip, h.offset(), 0);
    }

    int version() {
        return (head[0] & 0xf0) >> 4;
    }

    /** A copy of the payload (the packet behind the head). */
    byte[] payload() {
        return Arrays.copyOfRange(body, bodyOffset, bodyOffset + payloadLength);
    }

    /** Copies the payload into {@code out} at {@code at}. */
    void copyPayload(byte[] out, int at) {
        System.arraycopy(body, bodyOffset, out, at, payloadLength);
    }

    /** A new packet of {@code total} bytes that starts with the head; the caller fills the rest, then {@link #fix}es. */
    byte[] start(int total) {
        byte[] out = new byte[total];
        System.arraycopy(head, 0, out, 0, headLength);
        return out;
    }

    /** head + body with the next-header byte set to {@code protocol}, lengths and IPv4 checksum fixed. */
    byte[] assemble(int protocol, byte[] newBody) {
        byte[] out = start(headLength + newBody.length);
        System.arraycopy(newBody, 0, out, headLength, newBody.length);
        fix(out, protocol);
        return out;
    }

    /** Sets the next-header byte of a packet {@link #start}ed here, its length fields and IPv4 checksum. */
    void fix(byte[] out, int protocol) {
        out[fieldOffset] = (byte) protocol;
        if (version() == 4) {
            out[2] = (byte) (out.length >> 8);
            out[3] = (byte) out.length;
            Ipv4Header.fixChecksum(out);
        } else {
            int plen = out.length - Ipv6Header.LENGTH;
            out[4] = (byte) (plen >> 8);
            out[5] = (byte) plen;
        }
    }
}
