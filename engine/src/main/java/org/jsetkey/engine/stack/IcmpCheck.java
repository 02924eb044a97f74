package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.Packet;

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
    static String problem(Packet ip) {
        if (!IcmpEcho.carriesIcmp(ip)) {
            return null;
        }
        boolean v6 = ip.v6();
        int at = ip.upperOffset();
        int len = ip.end() - at;
        if (len < 4 || IcmpEcho.messageVerifies(ip)) {
            return null;
        }
        return (v6 ? "ICMPv6" : "ICMP") + " type " + ip.u8(at) + " from " + ip.source() + " to " + ip.destination()
                + ", " + len + " bytes: checksum " + String.format("0x%04x", ip.u16(at + 2)) + " does not verify";
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
