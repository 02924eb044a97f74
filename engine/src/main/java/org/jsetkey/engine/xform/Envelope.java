package org.jsetkey.engine.xform;

import java.util.Arrays;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.Ipv6Header;

/**
 * A packet cut where a transform goes: {@code head} (IP header plus the extension headers that stay
 * in front), the offset of the next-header byte inside it, the protocol that byte named, and the
 * payload behind. {@link #assemble} glues a new body on and fixes next-header, lengths and checksum.
 */
record Envelope(byte[] head, int fieldOffset, int nextHeader, byte[] payload) {
    static final int TUNNEL_TTL = 64;

    /** Transport mode: cut after the IP header and the hop-by-hop/routing/fragment headers. */
    static Envelope transport(byte[] ip) throws XformException {
        IpsecHeaders.view(ip);
        IpView v = IpView.parse(ip, false);
        return new Envelope(Arrays.copyOf(ip, v.offset()), v.fieldOffset(), v.protocol(),
                Arrays.copyOfRange(ip, v.offset(), v.end()));
    }

    /** Tunnel mode: a new outer header src→dst around the whole packet (TTL 64, DF clear, TOS copied). */
    static Envelope tunnel(byte[] ip, IpAddress src, IpAddress dst, int id, Tunables knobs) throws XformException {
        if (src == null || dst == null || !src.sameFamily(dst)) {
            throw new XformException(XformFailure.BAD_TUNNEL, "tunnel mode needs two endpoints of one family, got "
                    + src + " and " + dst);
        }
        IpView v = IpsecHeaders.view(ip);
        byte[] inner = Arrays.copyOf(ip, v.end());
        int tos = knobs.outerTos(v.version() == 4 ? ip[1] & 0xff : ((IpView.u16(ip, 0) >> 4) & 0xff));
        int next = v.version() == 4 ? IpProtocol.IPV4 : IpProtocol.IPV6;
        boolean innerDf = v.version() == 4 && (IpView.u16(ip, 6) & Ipv4Header.FLAG_DF) != 0;
        if (src.isV4()) {
            byte[] h = new Ipv4Header(tos, 0, id & 0xffff, knobs.outerFlags(innerDf), TUNNEL_TTL, next, 0, src, dst,
                    null).encode();
            return new Envelope(h, 9, next, inner);
        }
        byte[] h = new Ipv6Header(tos, 0, 0, next, TUNNEL_TTL, src, dst).encode();
        return new Envelope(h, 6, next, inner);
    }

    /** Opening: the part in front of the located header stays, {@code body} follows. */
    static Envelope opening(byte[] ip, IpsecHeader h) {
        return new Envelope(Arrays.copyOf(ip, h.offset()), h.fieldOffset(), h.protocol(), new byte[0]);
    }

    int version() {
        return (head[0] & 0xf0) >> 4;
    }

    /** head + body with the next-header byte set to {@code protocol}, lengths and IPv4 checksum fixed. */
    byte[] assemble(int protocol, byte[] body) {
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
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
        return out;
    }
}
