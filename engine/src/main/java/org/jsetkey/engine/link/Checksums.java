package org.jsetkey.engine.link;

import org.jsetkey.engine.net.IpAddress;

/** ICMPv6 checksum check for the trace printer (RFC 4443 pseudo-header). */
final class Checksums {
    private Checksums() {
    }

    /** One's-complement sum over the pseudo-header and message; 0 means the stored checksum is right. */
    static int icmp6(byte[] b, int off, int len, IpAddress src, IpAddress dst) {
        return fold(sum(b, off, len, src, dst, -1));
    }

    /** The checksum the message should carry (computed with its checksum field as zero). */
    static int icmp6WithZeroedField(byte[] b, int off, int len, IpAddress src, IpAddress dst) {
        return fold(sum(b, off, len, src, dst, off + 2));
    }

    private static long sum(byte[] b, int off, int len, IpAddress src, IpAddress dst, int skip) {
        long s = 0;
        byte[] a = src.bytes();
        byte[] d = dst.bytes();
        for (int i = 0; i < 16; i += 2) {
            s += ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
            s += ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
        }
        s += len;
        s += 58;
        int end = Math.min(b.length, off + len);
        for (int i = off; i < end; i += 2) {
            if (i == skip) {
                continue;
            }
            int hi = b[i] & 0xff;
            int lo = i + 1 < end ? b[i + 1] & 0xff : 0;
            s += (hi << 8) | lo;
        }
        return s;
    }

    private static int fold(long s) {
        while ((s >> 16) != 0) {
            s = (s & 0xffff) + (s >> 16);
        }
        return (int) (~s & 0xffff);
    }
}
