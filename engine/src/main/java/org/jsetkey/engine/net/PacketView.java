package org.jsetkey.engine.net;

import java.util.Arrays;

/**
 * Read-only access to packet bytes: the big-endian readers and header lengths every packet reader
 * uses. The static readers take absolute offsets and leave bounds to the caller (the datapath checks
 * lengths once, up front); a view instance is a window {@code [start, end)} on one header and what
 * follows it, named after that header, whose reads past the end throw {@link PacketTruncated}.
 */
public final class PacketView {
    private final byte[] b;
    private final int start;
    private final int end;
    private final String header;

    private PacketView(byte[] b, int start, int end, String header) {
        this.b = b;
        this.start = start;
        this.end = Math.min(end, b.length);
        this.header = header;
    }

    /** The whole packet, read as an IP header. */
    public static PacketView of(byte[] packet) {
        return new PacketView(packet, 0, packet.length, "ip");
    }

    /** The same bytes read as the header {@code name} (the name a truncation reports). */
    public PacketView as(String name) {
        return new PacketView(b, start, end, name);
    }

    /** The bytes from {@code off} up to this window's end. */
    public PacketView from(int off) {
        return new PacketView(b, start + off, end, header);
    }

    /**
     * The bytes {@code [off, off + len)} as a length field claims them: cut at the end of the packet,
     * not of this window, so a printer can say how many bytes are missing.
     */
    public PacketView slice(int off, int len) {
        return new PacketView(b, start + off, start + off + len, header);
    }

    public int length() {
        return Math.max(0, end - start);
    }

    /** A copy of the window's bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(b, start, Math.max(start, end));
    }

    public int u8(int off) {
        if (off < 0 || start + off >= end) {
            throw new PacketTruncated(header);
        }
        return b[start + off] & 0xff;
    }

    public int u16(int off) {
        return (u8(off) << 8) | u8(off + 1);
    }

    public long u32(int off) {
        return ((long) u16(off) << 16) | u16(off + 2);
    }

    public IpAddress address(int off, int len) {
        u8(off + len - 1);
        byte[] a = new byte[len];
        System.arraycopy(b, start + off, a, 0, len);
        return IpAddress.of(a);
    }

    /** The Internet checksum sum {@code sum} with {@code [off, off + len)} of this window added. */
    public long checksumAdd(long sum, int off, int len) {
        return InternetChecksum.add(sum, b, start + off, len);
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    public static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    /** The IPv4 header length in bytes that the version/IHL byte {@code versionIhl} gives. */
    public static int ipv4HeaderLength(int versionIhl) {
        return (versionIhl & 0x0f) * 4;
    }

    /** The IPv4 header length of the packet {@code ip}. */
    public static int ipv4HeaderLength(byte[] ip) {
        return ipv4HeaderLength(ip[0]);
    }

    /** The length of the AH header (RFC 4302) whose payload-length byte is {@code lenField}. */
    public static int ahLength(int lenField) {
        return (lenField + 2) * 4;
    }
}
