package org.jsetkey.engine.print;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketView;

/**
 * The IPv6 extension headers the packet walk stepped over (hop-by-hop, routing, fragment,
 * destination options), printed as tcpdump 4.99's ip6_print does, and what follows them. The walk
 * has checked that every header lies inside the packet; this reads what tcpdump shows of each.
 */
final class Ipv6Extensions {
    private static final int PAD1 = 0x00;
    private static final int PADN = 0x01;
    private static final int ROUTER_ALERT = 0x05;
    private static final int JUMBO = 0xc2;
    private static final int HOME_ADDRESS = 0xc9;

    /**
     * The upper layer after the extension headers.
     *
     * @param finalDestination the destination the upper layer's checksum covers (the last hop of a
     *                         routing header), or null in a fragment, whose checksum is not checked
     */
    record Upper(int protocol, int offset, IpAddress finalDestination) {
    }

    private Ipv6Extensions() {
    }

    static boolean isExtension(int nh) {
        return nh == IpProtocol.HOPOPTS.number() || nh == IpProtocol.ROUTING.number()
                || nh == IpProtocol.FRAGMENT.number() || nh == IpProtocol.DSTOPTS.number();
    }

    /**
     * Prints the extension headers of {@code ip6} (the IPv6 packet {@code walk} parsed) up to the
     * upper layer; null when tcpdump prints nothing after them (a later fragment, an invalid
     * routing or options header, a hop-by-hop header out of place).
     */
    static Upper print(StringBuilder sb, PacketView ip6, Packet walk, boolean verbose) {
        int nh = ip6.u8(6);
        int at = 40;
        boolean fragmented = false;
        boolean hbh = false;
        IpAddress dst = ip6.address(24, 16);
        boolean routed = false;
        while (at < walk.upperOffset()) {
            int next = ip6.u8(at);
            int length = nh == IpProtocol.FRAGMENT.number() ? 8 : (ip6.u8(at + 1) + 1) * 8;
            PacketView h = ip6.slice(at, length);
            if (nh == IpProtocol.HOPOPTS.number()) {
                sb.append("HBH ");
                hbh = true;
                if (!options(sb, h, true, verbose)) {
                    sb.append(" [|hbhopt]");
                    return null;
                }
            } else if (nh == IpProtocol.DSTOPTS.number()) {
                sb.append("DSTOPT ");
                if (verbose && !options(sb, h, false, verbose)) {
                    sb.append(" [|dstopt]");
                    return null;
                }
            } else if (nh == IpProtocol.FRAGMENT.number()) {
                int offset = h.u16(2) & 0xfff8;
                int size = walk.end() - at - 8;
                sb.append("frag (");
                if (verbose) {
                    sb.append(String.format("0x%08x:", h.u32(4)));
                }
                sb.append(offset).append('|').append(size).append(')');
                if (offset != 0) {
                    return null;
                }
                sb.append(' ');
                if (at + 8 >= walk.end()) {
                    return null;
                }
                fragmented = true;
            } else {
                if (!routing(sb, h, verbose)) {
                    return null;
                }
                if (!routed) {
                    dst = finalDestination(h, ip6, at, walk.end(), dst);
                    routed = true;
                }
            }
            nh = next;
            at += length;
        }
        if (nh == IpProtocol.HOPOPTS.number()) {
            sb.append(hbh ? "[The Hop-by-Hop Options header was already found]"
                    : "[The Hop-by-Hop Options header don't follow the IPv6 header]").append(" (invalid)");
            return null;
        }
        return new Upper(nh, at, fragmented ? null : dst);
    }

    /** tcpdump's ip6_opt_process: false where it gives up on the options (it then prints the truncation mark). */
    private static boolean options(StringBuilder sb, PacketView h, boolean hopByHop, boolean verbose) {
        int len = h.length() - 2;
        boolean jumbo = false;
        int optlen;
        for (int i = 0; i < len; i += optlen) {
            int type = h.u8(2 + i);
            if (type == PAD1) {
                optlen = 1;
            } else if (i + 1 < len) {
                optlen = h.u8(3 + i) + 2;
            } else {
                return false;
            }
            if (i + optlen > len) {
                return false;
            }
            int optLenField = type == PAD1 ? 0 : h.u8(3 + i);
            switch (type) {
                case PAD1 -> {
                    if (verbose) {
                        sb.append("(pad1)");
                    }
                }
                case PADN -> {
                    if (verbose) {
                        sb.append("(padn)");
                    }
                }
                case ROUTER_ALERT -> {
                    if (len - i < 4) {
                        sb.append("(rtalert: trunc)");
                        return false;
                    }
                    if (optLenField != 2) {
                        sb.append("(rtalert: invalid len ").append(optLenField).append(')');
                        return false;
                    }
                    if (verbose) {
                        sb.append(String.format("(rtalert: 0x%04x) ", h.u16(4 + i)));
                    }
                }
                case JUMBO -> {
                    if (len - i < 6) {
                        sb.append("(jumbo: trunc)");
                        return false;
                    }
                    if (optLenField != 4) {
                        sb.append("(jumbo: invalid len ").append(optLenField).append(')');
                        return false;
                    }
                    // the walk refuses a zero payload length, so a jumbogram's option never is valid here
                    String why = jumbo ? "already seen" : hopByHop ? "payload len != 0" : "not a hop-by-hop option";
                    jumbo = true;
                    if (verbose) {
                        sb.append("(jumbo: ").append(h.u32(4 + i)).append(" - ").append(why).append(") ");
                    }
                }
                case HOME_ADDRESS -> {
                    if (len - i < 18) {
                        sb.append("(homeaddr: trunc)");
                        return false;
                    }
                    if (optLenField < 16) {
                        sb.append("(homeaddr: invalid len ").append(optLenField).append(')');
                        return false;
                    }
                    if (verbose) {
                        sb.append("(homeaddr: ").append(h.address(4 + i, 16).format());
                        if (optLenField > 16 && !subOptions(sb, h.slice(20 + i, optlen - 18))) {
                            return false;
                        }
                        sb.append(')');
                    }
                }
                default -> {
                    if (verbose) {
                        sb.append(String.format("(opt_type 0x%02x: len=%d)", type, optLenField));
                    }
                }
            }
        }
        if (verbose) {
            sb.append(' ');
        }
        return true;
    }

    /** tcpdump's ip6_sopt_print: the sub-options of a home address option. */
    private static boolean subOptions(StringBuilder sb, PacketView s) {
        int len = s.length();
        int optlen;
        for (int i = 0; i < len; i += optlen) {
            int type = s.u8(i);
            if (type == PAD1) {
                optlen = 1;
            } else if (i + 1 < len) {
                optlen = s.u8(i + 1) + 2;
            } else {
                return false;
            }
            if (i + optlen > len) {
                return false;
            }
            if (type == PAD1) {
                sb.append(", pad1");
            } else if (type == PADN) {
                sb.append(", padn");
            } else {
                sb.append(String.format(", sopt_type 0x%02x: len=%d", type, s.u8(i + 1)));
            }
        }
        return true;
    }

    /** tcpdump's rt6_print: false where it stops printing (an unknown type or an odd length). */
    private static boolean routing(StringBuilder sb, PacketView h, boolean verbose) {
        int len = h.u8(1);
        int type = h.u8(2);
        sb.append("RT6 (len=").append(len).append(", type=").append(type);
        if (type == 0) {
            sb.append(" [Deprecated]");
        }
        sb.append(", segleft=").append(h.u8(3));
        if (type == 0 || type == 2) {
            long reserved = h.u32(4);
            if (reserved != 0 || verbose) {
                sb.append(", rsv=0x").append(Long.toHexString(reserved));
            }
        } else if (type == 4) {
            sb.append(", last-entry=").append(h.u8(4));
            int flags = h.u8(5);
            if (flags != 0 || verbose) {
                sb.append(", flags=0x").append(Integer.toHexString(flags));
            }
            sb.append(", tag=").append(Integer.toHexString(h.u16(6)));
        } else {
            sb.append(" (unknown type) (invalid)");
            return false;
        }
        if (len % 2 == 1) {
            sb.append(" (invalid length ").append(len).append(") (invalid)");
            return false;
        }
        for (int i = 0; i < len / 2; i++) {
            sb.append(", [").append(i).append(']').append(h.address(8 + 16 * i, 16).format());
        }
        sb.append(") ");
        return true;
    }

    /**
     * tcpdump's ip6_finddst for the first routing header: the last address of a type 0 or 2
     * header, the first segment of a segment routing header; {@code dst} otherwise.
     */
    private static IpAddress finalDestination(PacketView h, PacketView ip6, int at, int end, IpAddress dst) {
        int len = h.u8(1);
        int type = h.u8(2);
        if (len % 2 == 1) {
            return dst;
        }
        if ((type == 0 || type == 2) && len > 0) {
            return h.address(8 + 16 * (len / 2 - 1), 16);
        }
        if (type == 4 && at + 24 <= end) {
            // with no segments in the header tcpdump reads the 16 bytes behind it
            return ip6.address(at + 8, 16);
        }
        return dst;
    }
}
