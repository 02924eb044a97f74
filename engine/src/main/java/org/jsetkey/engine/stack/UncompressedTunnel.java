package org.jsetkey.engine.stack;

import java.util.Arrays;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.Sad;

/**
 * The uncompressed form of an IPComp tunnel: a packet too small (or too random) to compress is
 * sent without an IPComp header (RFC 3173 §2.2), so in tunnel mode it arrives as plain IP-in-IP
 * (IPv4 or IPv6 inside). When an IPComp SA in tunnel mode joins the outer addresses, the inner
 * packet is taken out and the layer recorded as that SA's, for the inbound policy.
 */
final class UncompressedTunnel {
    /** The inner packet and the IPComp SA whose tunnel carried it. */
    record Inner(byte[] packet, SaEntry sa) {
    }

    private UncompressedTunnel() {
    }

    /** The inner packet when {@code ip} is IP-in-IP between the ends of an IPComp tunnel SA; else null. */
    static Inner of(Sad sad, Packet ip) {
        int inner = ip.protocol() == IpProtocol.IPV4.number() ? 4 : ip.protocol() == IpProtocol.IPV6.number() ? 6 : 0;
        int at = ip.upperOffset();
        if (inner == 0 || ip.end() - at < 1 || ip.u8(at) >> 4 != inner) {
            return null;
        }
        IpAddress src = ip.source();
        IpAddress dst = ip.destination();
        SaEntry sa = sad.newest(dst, SaType.IPCOMP, s -> s.src().equals(src) && s.mode() != SaMode.TRANSPORT);
        if (sa == null || !sa.state().usable()) {
            return null;
        }
        return new Inner(Arrays.copyOfRange(ip.buffer(), ip.offset() + at, ip.offset() + ip.end()), sa);
    }
}
