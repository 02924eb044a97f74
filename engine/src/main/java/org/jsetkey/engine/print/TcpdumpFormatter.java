package org.jsetkey.engine.print;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;

/**
 * Renders a raw IP packet as one {@code tcpdump -n} line (Debian's tcpdump 4.99), so a
 * trace in the console reads exactly like {@code tcpdump -n -r} on the pcap of the same
 * packets. With {@code verbose} it follows {@code tcpdump -n -v}. Never throws on
 * malformed input: a short packet ends in tcpdump's {@code [|proto]} marker.
 */
public final class TcpdumpFormatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.US);

    /** Headers nested deeper than this (AH and IP-in-IP together) print as truncated. */
    static final int MAX_NESTING = 32;

    private final boolean verbose;
    private final ZoneId zone;

    public TcpdumpFormatter(boolean verbose, ZoneId zone) {
        this.verbose = verbose;
        this.zone = zone;
    }

    /** {@code HH:MM:SS.uuuuuu } followed by {@link #format(byte[])}. */
    public String formatWithTime(long timeMicros, byte[] packet) {
        Instant t = Instant.ofEpochSecond(timeMicros / 1_000_000, (timeMicros % 1_000_000) * 1000);
        return TIME.format(t.atZone(zone)) + String.format(".%06d ", timeMicros % 1_000_000) + format(packet);
    }

    /** The text tcpdump prints after the timestamp. */
    public String format(byte[] packet) {
        StringBuilder sb = new StringBuilder();
        try {
            ip(sb, new Cursor(packet, 0, packet.length), 0);
        } catch (Truncated t) {
            sb.append(" [|").append(t.protocol).append(']');
        }
        return sb.toString();
    }

    /** A bounded view of the packet; reading past its end throws {@link Truncated}. */
    private static final class Cursor {
        final byte[] b;
        final int start;
        final int end;

        Cursor(byte[] b, int start, int end) {
            this.b = b;
            this.start = start;
            this.end = Math.min(end, b.length);
        }

        int u8(int off, String proto) {
            if (start + off >= end || off < 0) {
                throw new Truncated(proto);
            }
            return b[start + off] & 0xff;
        }

        int u16(int off, String proto) {
            return (u8(off, proto) << 8) | u8(off + 1, proto);
        }

        long u32(int off, String proto) {
            return ((long) u16(off, proto) << 16) | u16(off + 2, proto);
        }

        int length() {
            return Math.max(0, end - start);
        }

        Cursor from(int off) {
            return new Cursor(b, start + off, end);
        }

        IpAddress address(int off, int len, String proto) {
            u8(off + len - 1, proto);
            byte[] a = new byte[len];
            System.arraycopy(b, start + off, a, 0, len);
            return IpAddress.of(a);
        }
    }

    private static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String protocol;

        Truncated(String protocol) {
            super(protocol, null, false, false);
            this.protocol = protocol;
        }
    }

    private void ip(StringBuilder sb, Cursor c, int depth) {
        int version = c.u8(0, "ip") >> 4;
        if (version == 4) {
            ipv4(sb, c, depth);
        } else if (version == 6) {
            ipv6(sb, c, depth);
        } else {
            sb.append("IP").append(version).append(' ');
            throw new Truncated("ip");
        }
    }

    private void ipv4(StringBuilder sb, Cursor c, int depth) {
        int ihl = (c.u8(0, "ip") & 0x0f) * 4;
        if (ihl < 20) {
            // as tcpdump does; a shorter header would also put its payload back on itself
            sb.append("IP bad-hlen ").append(ihl);
            return;
        }
        int total = c.u16(2, "ip");
        int proto = c.u8(9, "ip");
        IpAddress src = c.address(12, 4, "ip");
        IpAddress dst = c.address(16, 4, "ip");
        sb.append("IP ");
        if (total > c.length()) {
            sb.append("truncated-ip - ").append(total - c.length()).append(" bytes missing! ");
        }
        if (verbose) {
            int frag = c.u16(6, "ip");
            String flags = (frag & 0x4000) != 0 ? "DF" : (frag & 0x2000) != 0 ? "+" : "none";
            sb.append("(tos 0x").append(Integer.toHexString(c.u8(1, "ip")))
                    .append(", ttl ").append(c.u8(8, "ip"))
                    .append(", id ").append(c.u16(4, "ip"))
                    .append(", offset ").append((frag & 0x1fff) * 8)
                    .append(", flags [").append(flags).append(']')
                    .append(", proto ").append(protoLabel(proto)).append(" (").append(proto).append(')')
                    .append(", length ").append(total).append(")\n    ");
        } else if (total > c.length()) {
            // tcpdump keeps the missing-bytes note on the same line without -v
            sb.setLength(sb.length() - 1);
            sb.append(' ');
        }
        Cursor payload = new Cursor(c.b, c.start + ihl, c.start + Math.max(ihl, total));
        if (proto == IpProtocol.TCP || proto == IpProtocol.UDP) {
            transport(sb, payload, src, dst, proto);
            return;
        }
        sb.append(src.format()).append(" > ").append(dst.format()).append(": ");
        next(sb, payload, proto, depth, src, dst);
    }

    private void ipv6(StringBuilder sb, Cursor c, int depth) {
        int payloadLen = c.u16(4, "ip6");
        int nh = c.u8(6, "ip6");
        IpAddress src = c.address(8, 16, "ip6");
        IpAddress dst = c.address(24, 16, "ip6");
        sb.append("IP6 ");
        if (verbose) {
            sb.append("(hlim ").append(c.u8(7, "ip6")).append(", next-header ").append(protoLabel6(nh))
                    .append(" (").append(nh).append(") payload length: ").append(payloadLen).append(") ");
        }
        Cursor payload = new Cursor(c.b, c.start + 40, c.start + 40 + payloadLen);
        if (nh == IpProtocol.TCP || nh == IpProtocol.UDP) {
            transport(sb, payload, src, dst, nh);
            return;
        }
        sb.append(src.format()).append(" > ").append(dst.format()).append(": ");
        next(sb, payload, nh, depth, src, dst);
    }

    private void next(StringBuilder sb, Cursor c, int proto, int depth, IpAddress src, IpAddress dst) {
        if (depth > MAX_NESTING) {
            // a forged chain of AH or IP-in-IP headers must not exhaust the printing thread's stack
            throw new Truncated(IpProtocol.name(proto));
        }
        switch (proto) {
            case IpProtocol.AH:
                ah(sb, c, depth + 1, src, dst);
                break;
            case IpProtocol.ESP:
                sb.append("ESP(spi=0x").append(String.format("%08x", c.u32(0, "esp")))
                        .append(",seq=0x").append(Long.toHexString(c.u32(4, "esp"))).append("), length ")
                        .append(c.length());
                break;
            case IpProtocol.IPCOMP:
                sb.append("IPComp(cpi=0x").append(String.format("%04x", c.u16(2, "ipcomp"))).append(')');
                break;
            case IpProtocol.ICMP:
                icmp(sb, c);
                break;
            case IpProtocol.ICMPV6:
                icmp6(sb, c, src, dst);
                break;
            case IpProtocol.IPV4:
            case IpProtocol.IPV6:
                ip(sb, c, depth + 1);
                break;
            default:
                sb.append(" ip-proto-").append(proto).append(' ').append(c.length());
        }
    }

    private void ah(StringBuilder sb, Cursor c, int depth, IpAddress src, IpAddress dst) {
        int nh = c.u8(0, "ah");
        int lenField = c.u8(1, "ah");
        int total = (lenField + 2) * 4;
        sb.append("AH(");
        if (verbose) {
            sb.append("length=").append(lenField).append('(').append(total).append("-bytes),");
        }
        sb.append("spi=0x").append(String.format("%08x", c.u32(4, "ah"))).append(',');
        sb.append("seq=0x").append(Long.toHexString(c.u32(8, "ah")));
        sb.append(",icv=0x");
        for (int i = 12; i < total; i++) {
            sb.append(String.format("%02x", c.u8(i, "ah")));
        }
        sb.append("): ");
        next(sb, c.from(total), nh, depth, src, dst);
    }

    private static void icmp(StringBuilder sb, Cursor c) {
        int type = c.u8(0, "icmp");
        if (type == 0 || type == 8) {
            sb.append("ICMP echo ").append(type == 8 ? "request" : "reply")
                    .append(", id ").append(c.u16(4, "icmp"))
                    .append(", seq ").append(c.u16(6, "icmp"))
                    .append(", length ").append(c.length());
        } else {
            sb.append("ICMP type-#").append(type).append(", length ").append(c.length());
        }
    }

    private void icmp6(StringBuilder sb, Cursor c, IpAddress src, IpAddress dst) {
        int type = c.u8(0, "icmp6");
        if (verbose && src.isV6()) {
            // the formatter's cursor may end before the buffer: checksum only what the packet says it holds
            int len = Math.min(c.length(), c.b.length - c.start);
            long pseudo = InternetChecksum.pseudoHeader(src, dst, IpProtocol.ICMPV6, len);
            int stored = c.u16(2, "icmp6");
            if (InternetChecksum.finish(InternetChecksum.add(pseudo, c.b, c.start, len)) == 0) {
                sb.append("[icmp6 sum ok] ");
            } else {
                long withoutField = InternetChecksum.add(InternetChecksum.add(pseudo, c.b, c.start, 2), c.b,
                        c.start + 4, len - 4);
                sb.append(String.format("[bad icmp6 cksum 0x%04x -> 0x%04x!] ", stored,
                        InternetChecksum.finish(withoutField)));
            }
        }
        if (type == 128 || type == 129) {
            sb.append("ICMP6, echo ").append(type == 128 ? "request" : "reply")
                    .append(", id ").append(c.u16(4, "icmp6"))
                    .append(", seq ").append(c.u16(6, "icmp6"));
            if (!verbose) {
                sb.append(", length ").append(c.length());
            }
        } else {
            sb.append("ICMP6, type-#").append(type).append(", length ").append(c.length());
        }
    }

    private static void transport(StringBuilder sb, Cursor c, IpAddress src, IpAddress dst, int proto) {
        String name = proto == IpProtocol.TCP ? "tcp" : "udp";
        int sport = c.u16(0, name);
        int dport = c.u16(2, name);
        sb.append(src.format()).append('.').append(sport).append(" > ")
                .append(dst.format()).append('.').append(dport).append(": ");
        if (proto == IpProtocol.UDP) {
            sb.append("UDP, length ").append(Math.max(0, c.u16(4, "udp") - 8));
            return;
        }
        int off = (c.u8(12, "tcp") >> 4) * 4;
        int flags = c.u8(13, "tcp");
        StringBuilder f = new StringBuilder();
        String letters = "FSRPU";
        int[] bits = {0x01, 0x02, 0x04, 0x08, 0x20};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                f.append(letters.charAt(i));
            }
        }
        if ((flags & 0x40) != 0) {
            f.append('E');
        }
        if ((flags & 0x80) != 0) {
            f.append('W');
        }
        if ((flags & 0x10) != 0) {
            f.append('.');
        }
        if (f.length() == 0) {
            f.append("none");
        }
        int dataLen = Math.max(0, c.length() - off);
        long seq = c.u32(4, "tcp");
        sb.append("Flags [").append(f).append("], seq ").append(seq);
        if (dataLen > 0) {
            sb.append(':').append(seq + dataLen);
        }
        if ((flags & 0x10) != 0) {
            sb.append(", ack ").append(c.u32(8, "tcp"));
        }
        sb.append(", win ").append(c.u16(14, "tcp")).append(", length ").append(dataLen);
    }

    private static String protoLabel(int proto) {
        switch (proto) {
            case IpProtocol.ICMP: return "ICMP";
            case IpProtocol.IPV4: return "IPIP";
            case IpProtocol.TCP: return "TCP";
            case IpProtocol.UDP: return "UDP";
            case IpProtocol.IPV6: return "IPv6";
            case IpProtocol.GRE: return "GRE";
            case IpProtocol.ESP: return "ESP";
            case IpProtocol.AH: return "AH";
            case IpProtocol.ICMPV6: return "ICMPv6";
            case IpProtocol.IPCOMP: return "Compressed IP";
            default: return "unknown";
        }
    }

    private static String protoLabel6(int proto) {
        return proto == IpProtocol.IPV4 ? "IPIP" : protoLabel(proto);
    }
}
