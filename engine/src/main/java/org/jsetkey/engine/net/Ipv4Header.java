package org.jsetkey.engine.net;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 header (RFC 791). {@code flagsFragment} is the 16-bit flags + fragment offset word;
 * {@link #encodeTo} always writes a freshly computed checksum.
 */
public record Ipv4Header(int tos, int totalLength, int id, int flagsFragment, int ttl, int protocol, int checksum,
                         IpAddress src, IpAddress dst, byte[] options) {
    public static final int MIN_LENGTH = 20;
    public static final int FLAG_DF = 0x4000;
    public static final int FLAG_MF = 0x2000;

    public Ipv4Header {
        IpAddress.requireFamily(4, src, dst);
        options = options == null ? new byte[0] : options.clone();
        if (options.length % 4 != 0 || options.length > 40) {
            throw new IllegalArgumentException("options length: " + options.length + " (expected: 0-40, multiple of 4)");
        }
    }

    /** A plain header without options, checksum to be computed on encode. */
    public static Ipv4Header of(IpAddress src, IpAddress dst, int protocol, int payloadLength, int id, int ttl) {
        return new Ipv4Header(0, MIN_LENGTH + payloadLength, id, 0, ttl, protocol, 0, src, dst, null);
    }

    @Override
    public byte[] options() {
        return options.clone();
    }

    public int headerLength() {
        return MIN_LENGTH + options.length;
    }

    public void encodeTo(ByteBuffer out) {
        int start = out.position();
        out.put((byte) (0x40 | (headerLength() / 4)));
        out.put((byte) tos);
        out.putShort((short) totalLength);
        out.putShort((short) id);
        out.putShort((short) flagsFragment);
        out.put((byte) ttl);
        out.put((byte) protocol);
        out.putShort((short) 0);
        out.put(src.bytes()).put(dst.bytes()).put(options);
        byte[] hdr = new byte[headerLength()];
        out.duplicate().position(start).get(hdr);
        out.putShort(start + 10, (short) InternetChecksum.compute(hdr, 0, hdr.length));
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(headerLength());
        encodeTo(b);
        return b.array();
    }

    /** Recomputes the header checksum of the IPv4 packet in {@code ip} in place. */
    public static void fixChecksum(byte[] ip) {
        fixChecksum(ip, 0);
    }

    /** Recomputes the header checksum of the IPv4 packet at {@code b[off..]} in place. */
    public static void fixChecksum(byte[] b, int off) {
        int sum = InternetChecksum.ipv4Header(b, off, PacketView.ipv4HeaderLength(b[off]));
        b[off + 10] = (byte) (sum >> 8);
        b[off + 11] = (byte) sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Header h && tos == h.tos && totalLength == h.totalLength && id == h.id
                && flagsFragment == h.flagsFragment && ttl == h.ttl && protocol == h.protocol
                && checksum == h.checksum && src.equals(h.src) && dst.equals(h.dst) && Arrays.equals(options, h.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tos, totalLength, id, flagsFragment, ttl, protocol, checksum, src, dst)
                + Arrays.hashCode(options);
    }

    @Override
    public String toString() {
        return "Ipv4Header[" + src + " > " + dst + " proto=" + protocol + " len=" + totalLength + " ttl=" + ttl + "]";
    }
}
