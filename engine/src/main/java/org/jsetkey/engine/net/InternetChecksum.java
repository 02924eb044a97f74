package org.jsetkey.engine.net;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The RFC 1071 Internet checksum (one's complement sum of 16-bit words). */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Four bytes at a time, big-endian: one load where two byte loads per word were. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** Adds the bytes to a running 32-bit sum (odd lengths are padded with a zero byte). */
    public static long add(long sum, byte[] data, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 3 < end; i += 4) {
            int w = (int) INT.get(data, i);
            sum += (w >>> 16) + (w & 0xffff);
        }
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (data[i] & 0xff) << 8;
        }
        return sum;
    }

    /** Folds a running sum and complements it: the value to store in a checksum field. */
    public static int finish(long sum) {
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /**
     * The checksum an IPv4 header of {@code ihl} bytes at {@code b[off..]} should carry: its words
     * summed with the checksum field taken as zero. A header without options (every packet of the
     * datapath, twice per seal and open) is five loads without a loop.
     */
    public static int ipv4Header(byte[] b, int off, int ihl) {
        if (ihl < 12) {
            return compute(b, off, ihl); // a malformed header too short to hold the field
        }
        long sum = ((int) INT.get(b, off + 8)) >>> 16; // TTL and protocol; the checksum half counts as zero
        if (ihl == 20) {
            int w0 = (int) INT.get(b, off);
            int w1 = (int) INT.get(b, off + 4);
            int w3 = (int) INT.get(b, off + 12);
            int w4 = (int) INT.get(b, off + 16);
            sum += (w0 >>> 16) + (w0 & 0xffff) + (w1 >>> 16) + (w1 & 0xffff) + (w3 >>> 16) + (w3 & 0xffff)
                    + (w4 >>> 16) + (w4 & 0xffff);
        } else {
            sum = add(add(sum, b, off, 8), b, off + 12, ihl - 12);
        }
        return finish(sum);
    }

    public static int compute(byte[] data, int off, int len) {
        return finish(add(0, data, off, len));
    }

    /** The TCP/UDP/ICMPv6 pseudo-header sum (RFC 768, RFC 8200 8.1). */
    public static long pseudoHeader(IpAddress src, IpAddress dst, int protocol, int upperLength) {
        byte[] s = src.bytes();
        byte[] d = dst.bytes();
        long sum = add(add(0, s, 0, s.length), d, 0, d.length);
        return sum + protocol + (upperLength & 0xffff) + (upperLength >>> 16);
    }
}
