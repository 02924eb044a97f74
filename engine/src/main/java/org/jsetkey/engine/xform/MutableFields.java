package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Ipv6Header;
import org.jsetkey.engine.net.PacketView;

/**
 * Zeroes what may change in transit before the AH ICV is computed (RFC 4302 3.3.3.1).
 * IPv4: TOS (unless ah_cleartos=0), flags/fragment offset (but for the ah_offsetmask bits), TTL, checksum and every option except EOL, NOP, the security
 * options (130, 133, 134), router alert (148) and SDMD (149), which the RFC lists as immutable.
 * IPv6: traffic class, flow label, hop limit, and the data of options whose type has the
 * "may change en route" bit (0x20) in hop-by-hop and destination-options headers. Routing headers
 * are covered as they are (correct when Segments Left is 0, the only case the lab produces).
 */
final class MutableFields {
    private MutableFields() {
    }

    /**
     * What the walk over the header does with a byte to clear ({@code keep}: the bits that stay) in
     * {@code target}. Both kinds are constants, so zeroing a packet allocates nothing.
     */
    private interface Clear {
        void at(byte[] target, int index, int keep);
    }

    private static final Clear ZERO = (ip, i, keep) -> ip[i] &= (byte) keep;
    private static final Clear RECORD = (mask, i, keep) -> mask[i] |= (byte) ~keep;

    /** Zeroes the mutable fields of {@code ip} in place, up to the AH header at {@code ahOffset}. */
    static void zero(byte[] ip, int ahOffset, Tunables knobs) {
        walk(ip, ahOffset, knobs, ZERO, ip);
    }

    /** The bits {@link #zero} clears, as a mask over {@code ip[0..ahOffset)}. */
    static byte[] mask(byte[] ip, int ahOffset, Tunables knobs) {
        byte[] mask = new byte[ahOffset];
        walk(ip, ahOffset, knobs, RECORD, mask);
        return mask;
    }

    private static void walk(byte[] ip, int ahOffset, Tunables knobs, Clear clear, byte[] target) {
        if ((ip[0] & 0xf0) == 0x40) {
            zeroV4(ip, knobs, clear, target);
        } else {
            zeroV6(ip, ahOffset, clear, target);
        }
    }

    private static void zeroV4(byte[] ip, Tunables knobs, Clear clear, byte[] target) {
        int ihl = PacketView.ipv4HeaderLength(ip);
        if (knobs.ahClearTos()) {
            clear.at(target, 1, 0);
        }
        // FreeBSD keeps the flags/offset bits that net.inet.ipsec.ah_offsetmask names (0: none)
        clear.at(target, 6, knobs.ahOffsetMask() >> 8);
        clear.at(target, 7, knobs.ahOffsetMask());
        clear.at(target, 8, 0);
        clear.at(target, 10, 0);
        clear.at(target, 11, 0);
        int i = 20;
        while (i < ihl) {
            int type = ip[i] & 0xff;
            if (type == 0) {
                break;
            }
            if (type == 1) {
                i++;
                continue;
            }
            int len = i + 1 < ihl ? ip[i + 1] & 0xff : 0;
            if (len < 2 || i + len > ihl) {
                zeroRange(i, ihl, clear, target);
                break;
            }
            if (!immutableV4(type)) {
                zeroRange(i, i + len, clear, target);
            }
            i += len;
        }
    }

    private static boolean immutableV4(int type) {
        return type == 130 || type == 133 || type == 134 || type == 148 || type == 149;
    }

    private static void zeroV6(byte[] ip, int ahOffset, Clear clear, byte[] target) {
        clear.at(target, 0, 0xf0);
        clear.at(target, 1, 0);
        clear.at(target, 2, 0);
        clear.at(target, 3, 0);
        clear.at(target, 7, 0);
        int proto = ip[6] & 0xff;
        int off = Ipv6Header.LENGTH;
        while (off + 2 <= ahOffset && proto != IpProtocol.AH.number()) {
            int len = proto == IpProtocol.FRAGMENT.number() ? 8 : ((ip[off + 1] & 0xff) + 1) * 8;
            if (proto == IpProtocol.HOPOPTS.number() || proto == IpProtocol.DSTOPTS.number()) {
                zeroMutableOptions(ip, off + 2, Math.min(off + len, ahOffset), clear, target);
            }
            proto = ip[off] & 0xff;
            off += len;
        }
    }

    private static void zeroMutableOptions(byte[] ip, int from, int to, Clear clear, byte[] target) {
        int i = from;
        while (i < to) {
            int type = ip[i] & 0xff;
            if (type == 0) {
                i++;
                continue;
            }
            if (i + 1 >= to) {
                break;
            }
            int len = ip[i + 1] & 0xff;
            int end = Math.min(i + 2 + len, to);
            if ((type & 0x20) != 0) {
                zeroRange(i + 2, end, clear, target);
            }
            i = end;
        }
    }

    private static void zeroRange(int from, int to, Clear clear, byte[] target) {
        for (int i = from; i < to; i++) {
            clear.at(target, i, 0);
        }
    }
}
