package org.jsetkey.engine.net;

import java.nio.ByteBuffer;

/** A UDP header (RFC 768). */
public record UdpHeader(int srcPort, int dstPort, int length, int checksum) {
    public static final int LENGTH = 8;

    public void encodeTo(ByteBuffer out) {
        out.putShort((short) srcPort).putShort((short) dstPort).putShort((short) length).putShort((short) checksum);
    }

    /** A whole datagram (header + data) with the pseudo-header checksum filled in. */
    public static byte[] build(IpAddress src, IpAddress dst, int srcPort, int dstPort, byte[] data) {
        int len = LENGTH + data.length;
        ByteBuffer b = ByteBuffer.allocate(len);
        new UdpHeader(srcPort, dstPort, len, 0).encodeTo(b);
        b.put(data);
        byte[] out = b.array();
        int sum = InternetChecksum.finish(InternetChecksum.add(
                InternetChecksum.pseudoHeader(src, dst, IpProtocol.UDP.number(), len), out, 0, len));
        if (sum == 0) {
            sum = 0xffff;
        }
        out[6] = (byte) (sum >> 8);
        out[7] = (byte) sum;
        return out;
    }
}
