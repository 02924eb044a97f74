package org.jsetkey.engine.picture;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.PacketView;

/**
 * The field tables of the headers that are not IPsec: IPv4, IPv6 and its extension headers, ICMP,
 * ICMPv6, UDP, TCP, and an opaque payload. Each reads {@code d} at {@code off} and stops at {@code end}.
 */
final class UpperHeaders {
    static final int IPV4_FIXED = 20;
    static final int IPV6_FIXED = 40;

    private UpperHeaders() {
    }

    static String protocol(int p) {
        return p + " (" + (p == IpProtocol.HOPOPTS.number() ? "hopopt" : IpProtocol.setkeyWord(p)) + ")";
    }

    static Header ipv4(byte[] d, int off, String name) {
        int ihl = PacketView.ipv4HeaderLength(d[off]);
        int fo = PacketView.u16(d, off + 6);
        HeaderDraft h = new HeaderDraft(name, off)
                .field("Version", 4, Integer.toString((d[off] & 0xff) >> 4))
                .field("IHL", 4, Integer.toString(d[off] & 0x0f))
                .field("Type of Service", 8, String.format("0x%02x", d[off + 1] & 0xff))
                .field("Total Length", 16, Integer.toString(PacketView.u16(d, off + 2)))
                .field("Identification", 16, Integer.toString(PacketView.u16(d, off + 4)))
                .field("Flags", 3, flags(fo >> 13))
                .field("Fragment Offset", 13, Integer.toString(fo & 0x1fff))
                .field("Time to Live", 8, Integer.toString(d[off + 8] & 0xff))
                .field("Protocol", 8, protocol(d[off + 9] & 0xff))
                .field("Header Checksum", 16, String.format("0x%04x", PacketView.u16(d, off + 10)))
                .field("Source Address", 32, address(d, off + 12, 4))
                .field("Destination Address", 32, address(d, off + 16, 4));
        return h.bytes("Options", d, off + IPV4_FIXED, ihl - IPV4_FIXED).build();
    }

    private static String flags(int f) {
        if (f == 0) {
            return "-";
        }
        String s = ((f & 2) != 0 ? "DF" : "") + ((f & 1) != 0 ? "MF" : "") + ((f & 4) != 0 ? "R" : "");
        return s;
    }

    static Header ipv6(byte[] d, int off, String name) {
        long first = PacketView.u32(d, off);
        return new HeaderDraft(name, off)
                .field("Version", 4, Long.toString(first >>> 28))
                .field("Traffic Class", 8, String.format("0x%02x", (first >>> 20) & 0xff))
                .field("Flow Label", 20, String.format("0x%05x", first & 0xfffff))
                .field("Payload Length", 16, Integer.toString(PacketView.u16(d, off + 4)))
                .field("Next Header", 8, protocol(d[off + 6] & 0xff))
                .field("Hop Limit", 8, Integer.toString(d[off + 7] & 0xff))
                .field("Source Address", 128, address(d, off + 8, 16))
                .field("Destination Address", 128, address(d, off + 24, 16))
                .build();
    }

    static boolean isV6Extension(int p) {
        return p == IpProtocol.HOPOPTS.number() || p == IpProtocol.ROUTING.number()
                || p == IpProtocol.FRAGMENT.number() || p == IpProtocol.DSTOPTS.number();
    }

    /** Hop-by-hop, routing, destination options (length from Hdr Ext Len) or fragment (8 bytes). */
    static Header v6Extension(byte[] d, int off, int p) {
        if (p == IpProtocol.FRAGMENT.number()) {
            int fo = PacketView.u16(d, off + 2);
            return new HeaderDraft("IPv6 Fragment", off)
                    .field("Next Header", 8, protocol(d[off] & 0xff))
                    .field("Reserved", 8, Integer.toString(d[off + 1] & 0xff))
                    .field("Fragment Offset", 13, Integer.toString(fo >> 3))
                    .field("Res", 2, Integer.toString((fo >> 1) & 3))
                    .field("M", 1, Integer.toString(fo & 1))
                    .field("Identification", 32, String.format("0x%08x", PacketView.u32(d, off + 4)))
                    .build();
        }
        String name = p == IpProtocol.HOPOPTS.number() ? "IPv6 Hop-by-Hop Options"
                : p == IpProtocol.ROUTING.number() ? "IPv6 Routing" : "IPv6 Destination Options";
        int len = extensionLength(d, off, p);
        HeaderDraft h = new HeaderDraft(name, off)
                .field("Next Header", 8, protocol(d[off] & 0xff))
                .field("Hdr Ext Len", 8, Integer.toString(d[off + 1] & 0xff));
        if (p == IpProtocol.ROUTING.number()) {
            h.field("Routing Type", 8, Integer.toString(d[off + 2] & 0xff))
                    .field("Segments Left", 8, Integer.toString(d[off + 3] & 0xff))
                    .bytes("Type-specific Data", d, off + 4, len - 4);
        } else {
            options(h, d, off + 2, off + len);
        }
        return h.build();
    }

    /** TLV options (RFC 8200 4.2): Pad1 is one byte; the others type, length and data, each a field. */
    private static void options(HeaderDraft h, byte[] d, int from, int to) {
        int i = from;
        while (i < to) {
            int type = d[i] & 0xff;
            if (type == 0 || i + 2 > to) {
                h.field("Pad1", 8, "0");
                i++;
                continue;
            }
            int len = Math.min(d[i + 1] & 0xff, to - i - 2);
            h.field("Option Type", 8, String.format("0x%02x", type))
                    .field("Opt Data Len", 8, Integer.toString(d[i + 1] & 0xff))
                    .bytes(type == 1 ? "PadN" : "Option Data", d, i + 2, len);
            i += 2 + len;
        }
    }

    static int extensionLength(byte[] d, int off, int p) {
        return p == IpProtocol.FRAGMENT.number() ? 8 : ((d[off + 1] & 0xff) + 1) * 8;
    }

    /** ICMP or ICMPv6 (echo request and reply show identifier and sequence number). */
    static Header icmp(byte[] d, int off, int end, boolean v6, String suffix) {
        int type = d[off] & 0xff;
        boolean echo = v6 ? type == 128 || type == 129 : type == 8 || type == 0;
        HeaderDraft h = new HeaderDraft((v6 ? "ICMPv6" : "ICMP") + suffix, off)
                .field("Type", 8, type + typeName(type, v6))
                .field("Code", 8, Integer.toString(d[off + 1] & 0xff))
                .field("Checksum", 16, String.format("0x%04x", PacketView.u16(d, off + 2)));
        if (echo) {
            h.field("Identifier", 16, Integer.toString(PacketView.u16(d, off + 4)))
                    .field("Sequence Number", 16, Integer.toString(PacketView.u16(d, off + 6)));
        } else {
            h.bytes("Rest of Header", d, off + 4, 4);
        }
        return h.bytes("Data", d, off + 8, end - off - 8).build();
    }

    private static String typeName(int type, boolean v6) {
        if (v6) {
            return type == 128 ? " (echo)" : type == 129 ? " (reply)" : "";
        }
        return type == 8 ? " (echo)" : type == 0 ? " (reply)" : "";
    }

    static Header udp(byte[] d, int off, int end, String suffix) {
        return new HeaderDraft("UDP" + suffix, off)
                .field("Source Port", 16, Integer.toString(PacketView.u16(d, off)))
                .field("Destination Port", 16, Integer.toString(PacketView.u16(d, off + 2)))
                .field("Length", 16, Integer.toString(PacketView.u16(d, off + 4)))
                .field("Checksum", 16, String.format("0x%04x", PacketView.u16(d, off + 6)))
                .bytes("Data", d, off + 8, end - off - 8)
                .build();
    }

    static Header tcp(byte[] d, int off, int end, String suffix) {
        int dataOffset = ((d[off + 12] & 0xff) >> 4) * 4;
        int hdr = Math.max(20, Math.min(dataOffset, end - off));
        return new HeaderDraft("TCP" + suffix, off)
                .field("Source Port", 16, Integer.toString(PacketView.u16(d, off)))
                .field("Destination Port", 16, Integer.toString(PacketView.u16(d, off + 2)))
                .field("Sequence Number", 32, Long.toString(PacketView.u32(d, off + 4)))
                .field("Acknowledgment Number", 32, Long.toString(PacketView.u32(d, off + 8)))
                .field("Offset", 4, Integer.toString(dataOffset / 4))
                .field("Rsrvd", 4, Integer.toString(d[off + 12] & 0x0f))
                .field("Flags", 8, tcpFlags(d[off + 13] & 0xff))
                .field("Window", 16, Integer.toString(PacketView.u16(d, off + 14)))
                .field("Checksum", 16, String.format("0x%04x", PacketView.u16(d, off + 16)))
                .field("Urgent Pointer", 16, Integer.toString(PacketView.u16(d, off + 18)))
                .bytes("Options", d, off + 20, hdr - 20)
                .bytes("Data", d, off + hdr, end - off - hdr)
                .build();
    }

    private static String tcpFlags(int f) {
        String names = "FSRPAUEW";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if ((f & (1 << i)) != 0) {
                sb.append(names.charAt(i));
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** What a header chain ends in when no table above knows it. */
    static Header payload(byte[] d, int off, int end, int p, String suffix) {
        return new HeaderDraft("Payload (" + IpProtocol.setkeyWord(p) + ")" + suffix, off)
                .bytes("Data", d, off, end - off).build();
    }

    private static String address(byte[] d, int off, int len) {
        byte[] a = new byte[len];
        System.arraycopy(d, off, a, 0, len);
        return IpAddress.of(a).format();
    }
}
