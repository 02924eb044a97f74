package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;

/** Sample packets for transform tests. */
final class Packets {
    static final IpAddress V4_A = IpAddress.parse("192.0.2.10");
    static final IpAddress V4_B = IpAddress.parse("198.51.100.20");
    static final IpAddress V6_A = IpAddress.parse("2001:db8::1");
    static final IpAddress V6_B = IpAddress.parse("2001:db8::2");
    static final IpAddress GW4_A = IpAddress.parse("203.0.113.1");
    static final IpAddress GW4_B = IpAddress.parse("203.0.113.2");
    static final IpAddress GW6_A = IpAddress.parse("2001:db8:ffff::1");
    static final IpAddress GW6_B = IpAddress.parse("2001:db8:ffff::2");

    private Packets() {
    }

    /** A ping of 56 data bytes (ICMP length 64), like ping's default. */
    static byte[] ping(IpAddress src, IpAddress dst, int seq) {
        byte[] data = new byte[56];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i + 8);
        }
        return new IcmpEcho(src.isV6(), false, 4660, seq, data).toPacket(src, dst, seq, 64);
    }

    /** A ping whose data is {@code n} zero bytes: compresses well. */
    static byte[] zeroPing(IpAddress src, IpAddress dst, int seq, int n) {
        return new IcmpEcho(src.isV6(), false, 4660, seq, new byte[n]).toPacket(src, dst, seq, 64);
    }
}
