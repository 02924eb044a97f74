package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;

/**
 * The ICMP/ICMPv6 checksum of a packet delivered to this host, checked before anything answers
 * it: a message whose checksum does not verify is dropped and counted as FreeBSD's icmp_input
 * does, whether it came in plain or out of an IPsec layer (an IPComp payload that decompressed
 * into garbage).
 */
final class IcmpCheck {
    private IcmpCheck() {
    }

    /** Why the ICMP message in {@code ip} is refused, or null when it verifies or is not ICMP. */
    static String problem(byte[] ip) {
        IpView v = IpView.icmp(ip);
        if (v == null) {
            return null;
        }
        boolean v6 = v.version() == 6;
        int len = v.end() - v.offset();
        if (len < 4) {
            return null;
        }
        IpAddress src = IpPacket.source(ip);
        IpAddress dst = IpPacket.destination(ip);
        long sum = v6 ? InternetChecksum.pseudoHeader(src, dst, IpProtocol.ICMPV6.number(), len) : 0;
        if (InternetChecksum.finish(InternetChecksum.add(sum, ip, v.offset(), len)) == 0) {
            return null;
        }
        int stored = (ip[v.offset() + 2] & 0xff) << 8 | ip[v.offset() + 3] & 0xff;
        return (v6 ? "ICMPv6" : "ICMP") + " type " + (ip[v.offset()] & 0xff) + " from " + src + " to " + dst + ", "
                + len + " bytes: checksum " + String.format("0x%04x", stored) + " does not verify";
    }

    /** " (after removing esp transport, ipcomp tunnel)" for a packet that came out of IPsec layers, else "". */
    static String layers(Delivered d) {
        if (d.protections().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (after removing ");
        for (int i = 0; i < d.protections().size(); i++) {
            Protection p = d.protections().get(i);
            sb.append(i == 0 ? "" : ", ").append(p.type().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(p.mode().name().toLowerCase(java.util.Locale.ROOT));
        }
        return sb.append(')').toString();
    }
}
