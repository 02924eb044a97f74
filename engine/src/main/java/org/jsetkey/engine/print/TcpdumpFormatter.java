package org.jsetkey.engine.print;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketTruncated;
import org.jsetkey.engine.net.PacketView;

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

    /** tcpdump's ISAKMP_PORT_NATT: datagrams from or to it are read as RFC 3948 encapsulation. */
    private static final int NATT_PORT = 4500;

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
            ip(sb, PacketView.of(packet), 0);
        } catch (PacketTruncated t) {
            sb.append(" [|").append(t.header()).append(']');
        }
        return sb.toString();
    }

    private void ip(StringBuilder sb, PacketView c, int depth) {
        c = c.as("ip");
        int version = c.u8(0) >> 4;
        if (version == 4) {
            ipv4(sb, c, depth);
        } else if (version == 6) {
            ipv6(sb, c, depth);
        } else {
            sb.append("IP").append(version).append(' ');
            throw new PacketTruncated("ip");
        }
    }

    private void ipv4(StringBuilder sb, PacketView c, int depth) {
        int ihl = PacketView.ipv4HeaderLength(c.u8(0));
        if (ihl < 20) {
            // as tcpdump does; a shorter header would also put its payload back on itself
            sb.append("IP bad-hlen ").append(ihl);
            return;
        }
        int total = c.u16(2);
        int proto = c.u8(9);
        IpAddress src = c.address(12, 4);
        IpAddress dst = c.address(16, 4);
        sb.append("IP ");
        if (total > c.length()) {
            sb.append("truncated-ip - ").append(total - c.length()).append(" bytes missing! ");
        }
        if (verbose) {
            int frag = c.u16(6);
            String flags = (frag & 0x4000) != 0 ? "DF" : (frag & 0x2000) != 0 ? "+" : "none";
            sb.append("(tos 0x").append(Integer.toHexString(c.u8(1)))
                    .append(", ttl ").append(c.u8(8))
                    .append(", id ").append(c.u16(4))
                    .append(", offset ").append((frag & 0x1fff) * 8)
                    .append(", flags [").append(flags).append(']')
                    .append(", proto ").append(IpProtocol.label(proto)).append(" (").append(proto).append(')')
                    .append(", length ").append(total).append(")\n    ");
        } else if (total > c.length()) {
            // tcpdump keeps the missing-bytes note on the same line without -v
            sb.setLength(sb.length() - 1);
            sb.append(' ');
        }
        PacketView payload = c.slice(ihl, Math.max(ihl, total) - ihl);
        if (proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number()) {
            transport(sb, payload, src, dst, proto, true, null, 0);
            return;
        }
        sb.append(src.format()).append(" > ").append(dst.format()).append(": ");
        next(sb, payload, proto, depth, src, dst);
    }

    private void ipv6(StringBuilder sb, PacketView c, int depth) {
        c = c.as("ip6");
        int payloadLen = c.u16(4);
        int nh = c.u8(6);
        IpAddress src = c.address(8, 16);
        IpAddress dst = c.address(24, 16);
        sb.append("IP6 ");
        if (verbose) {
            long word = c.u32(0);
            sb.append('(');
            if ((word & 0x0ff00000L) != 0) {
                sb.append(String.format("class 0x%02x, ", (word >> 20) & 0xff));
            }
            if ((word & 0xfffffL) != 0) {
                sb.append(String.format("flowlabel 0x%05x, ", word & 0xfffff));
            }
            sb.append("hlim ").append(c.u8(7)).append(", next-header ").append(IpProtocol.label(nh))
                    .append(" (").append(nh).append(") payload length: ").append(payloadLen).append(") ");
        }
        PacketView payload = c.slice(40, payloadLen);
        if (nh == IpProtocol.TCP.number() || nh == IpProtocol.UDP.number()) {
            transport(sb, payload, src, dst, nh, true, dst, payloadLen);
            return;
        }
        sb.append(src.format()).append(" > ").append(dst.format()).append(": ");
        Packet walk = Ipv6Extensions.isExtension(nh) ? walk(c) : null;
        if (walk == null) {
            // no extension headers, or a chain the walk refuses: the next header as it is named
            next(sb, payload, nh, depth, src, dst);
            return;
        }
        Ipv6Extensions.Upper upper = Ipv6Extensions.print(sb, c, walk, verbose);
        if (upper == null) {
            return;
        }
        PacketView rest = c.slice(upper.offset(), walk.end() - upper.offset());
        if (upper.protocol() == IpProtocol.TCP.number() || upper.protocol() == IpProtocol.UDP.number()) {
            transport(sb, rest, src, dst, upper.protocol(), false, upper.finalDestination(),
                    walk.end() - upper.offset());
            return;
        }
        next(sb, rest, upper.protocol(), depth, src, upper.finalDestination());
    }

    /** The packet walk over the IPv6 packet in {@code c}, or null when it refuses the packet. */
    private static Packet walk(PacketView c) {
        try {
            return Packet.wrap(c.toByteArray()).parse();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void next(StringBuilder sb, PacketView c, int proto, int depth, IpAddress src, IpAddress dst) {
        if (depth > MAX_NESTING) {
            // a forged chain of AH or IP-in-IP headers must not exhaust the printing thread's stack
            throw new PacketTruncated(IpProtocol.name(proto));
        }
        IpProtocol p = IpProtocol.of(proto);
        if (p == IpProtocol.AH) {
            ah(sb, c, depth + 1, src, dst);
        } else if (p == IpProtocol.ESP) {
            esp(sb, c);
        } else if (p == IpProtocol.IPCOMP) {
            sb.append("IPComp(cpi=0x").append(String.format("%04x", c.as("ipcomp").u16(2))).append(')');
        } else if (p == IpProtocol.ICMP) {
            icmp(sb, c);
        } else if (p == IpProtocol.ICMPV6) {
            icmp6(sb, c, src, dst);
        } else if (p == IpProtocol.IPV4 || p == IpProtocol.IPV6) {
            ip(sb, c, depth + 1);
        } else if (p == IpProtocol.NONE) {
            sb.append("no next header");
        } else {
            sb.append(" ip-proto-").append(proto).append(' ').append(c.length());
        }
    }

    private void ah(StringBuilder sb, PacketView c, int depth, IpAddress src, IpAddress dst) {
        c = c.as("ah");
        int nh = c.u8(0);
        int lenField = c.u8(1);
        int total = PacketView.ahLength(lenField);
        sb.append("AH(");
        if (verbose) {
            sb.append("length=").append(lenField).append('(').append(total).append("-bytes),");
        }
        sb.append("spi=0x").append(String.format("%08x", c.u32(4))).append(',');
        sb.append("seq=0x").append(Long.toHexString(c.u32(8)));
        sb.append(",icv=0x");
        for (int i = 12; i < total; i++) {
            sb.append(String.format("%02x", c.u8(i)));
        }
        sb.append("): ");
        next(sb, c.from(total), nh, depth, src, dst);
    }

    private static void icmp(StringBuilder sb, PacketView c) {
        c = c.as("icmp");
        int type = c.u8(0);
        if (type == 0 || type == 8) {
            sb.append("ICMP echo ").append(type == 8 ? "request" : "reply")
                    .append(", id ").append(c.u16(4))
                    .append(", seq ").append(c.u16(6))
                    .append(", length ").append(c.length());
        } else {
            sb.append("ICMP type-#").append(type).append(", length ").append(c.length());
        }
    }

    /** {@code dst} null: a fragment, whose checksum tcpdump does not check. */
    private void icmp6(StringBuilder sb, PacketView c, IpAddress src, IpAddress dst) {
        c = c.as("icmp6");
        int type = c.u8(0);
        if (verbose && src.isV6() && dst != null) {
            // the window ends where the packet says: checksum only what it holds
            int len = c.length();
            long pseudo = InternetChecksum.pseudoHeader(src, dst, IpProtocol.ICMPV6.number(), len);
            int stored = c.u16(2);
            if (InternetChecksum.finish(c.checksumAdd(pseudo, 0, len)) == 0) {
                sb.append("[icmp6 sum ok] ");
            } else {
                long withoutField = c.checksumAdd(c.checksumAdd(pseudo, 0, 2), 4, len - 4);
                sb.append(String.format("[bad icmp6 cksum 0x%04x -> 0x%04x!] ", stored,
                        InternetChecksum.finish(withoutField)));
            }
        }
        if (type == 128 || type == 129) {
            sb.append("ICMP6, echo ").append(type == 128 ? "request" : "reply")
                    .append(", id ").append(c.u16(4))
                    .append(", seq ").append(c.u16(6));
            if (!verbose) {
                sb.append(", length ").append(c.length());
            }
        } else {
            sb.append("ICMP6, type-#").append(type).append(", length ").append(c.length());
        }
    }

    /** What tcpdump's isakmp_rfc3948_print makes of a datagram to or from port 4500 (RFC 3948). */
    private static void natt(StringBuilder sb, PacketView c) {
        if (c.length() == 1 && c.u8(0) == 0xff) {
            sb.append("isakmp-nat-keep-alive");
        } else if (c.length() < 4) {
            sb.append("[|isakmp]");
        } else if (c.u32(0) == 0) {
            // tcpdump decodes the IKE message after the marker; jsetkey only names it (and its cut-off form
            // exactly as tcpdump does: shorter than the 28-byte ISAKMP header)
            sb.append("NONESP-encap: ").append(c.length() - 4 < 28 ? " [|isakmp]" : "isakmp, length " + (c.length() - 4));
        } else {
            sb.append("UDP-encap: ");
            esp(sb, c);
        }
    }

    /**
     * tcpdump's check of an IPv6 UDP checksum under -v: over the length the UDP header gives (at
     * most what the IP header gives), when the packet holds it all.
     */
    private static void udp6Checksum(StringBuilder sb, PacketView c, int declared, IpAddress src, IpAddress dst) {
        int ulen = c.u16(4);
        if (ulen < 8 || declared < 8) {
            return;
        }
        int len = Math.min(ulen, declared);
        if (len > c.length()) {
            return;
        }
        long pseudo = InternetChecksum.pseudoHeader(src, dst, IpProtocol.UDP.number(), len);
        if (InternetChecksum.finish(c.checksumAdd(pseudo, 0, len)) == 0) {
            sb.append("[udp sum ok] ");
        } else {
            long withoutField = c.checksumAdd(c.checksumAdd(pseudo, 0, 6), 8, len - 8);
            sb.append(String.format("[bad udp cksum 0x%04x -> 0x%04x!] ", c.u16(6), InternetChecksum.finish(withoutField)));
        }
    }

    private static void esp(StringBuilder sb, PacketView c) {
        sb.append("ESP(spi=0x").append(String.format("%08x", c.as("esp").u32(0)))
                .append(",seq=0x").append(Long.toHexString(c.as("esp").u32(4))).append("), length ")
                .append(c.length());
    }

    /**
     * A TCP or UDP header and what follows it in {@code c} (as long as the IP header says).
     *
     * @param addresses   false behind IPv6 extension headers, where tcpdump has printed the addresses already
     * @param checksumDst the destination an IPv6 UDP checksum covers, null where tcpdump does not check it
     *                    (IPv4 under -v, a fragment)
     * @param declared    the length the IPv6 header leaves for it (the window may hold less)
     */
    private void transport(StringBuilder sb, PacketView c, IpAddress src, IpAddress dst, int proto, boolean addresses,
            IpAddress checksumDst, int declared) {
        c = c.as(proto == IpProtocol.TCP.number() ? "tcp" : "udp");
        int sport = c.u16(0);
        int dport = c.u16(2);
        if (addresses) {
            sb.append(src.format()).append('.').append(sport).append(" > ")
                    .append(dst.format()).append('.').append(dport).append(": ");
        } else {
            sb.append(sport).append(" > ").append(dport).append(": ");
        }
        if (proto == IpProtocol.UDP.number()) {
            if (verbose && checksumDst != null) {
                udp6Checksum(sb, c, declared, src, checksumDst);
            }
            if (sport == NATT_PORT || dport == NATT_PORT) {
                natt(sb, c.from(8));
                return;
            }
            sb.append("UDP, length ").append(Math.max(0, c.u16(4) - 8));
            return;
        }
        int off = (c.u8(12) >> 4) * 4;
        int flags = c.u8(13);
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
        long seq = c.u32(4);
        sb.append("Flags [").append(f).append("], seq ").append(seq);
        if (dataLen > 0) {
            sb.append(':').append(seq + dataLen);
        }
        if ((flags & 0x10) != 0) {
            sb.append(", ack ").append(c.u32(8));
        }
        sb.append(", win ").append(c.u16(14)).append(", length ").append(dataLen);
    }
}
