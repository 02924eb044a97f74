package org.jsetkey.engine.net;

import java.nio.ByteBuffer;

/** The fixed IPv6 header (RFC 8200); extension headers follow it in the payload. */
public record Ipv6Header(int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit,
                         IpAddress src, IpAddress dst) {
    public static final int LENGTH = 40;

    public Ipv6Header {
        IpAddress.requireFamily(6, src, dst);
    }

    public static Ipv6Header of(IpAddress src, IpAddress dst, int nextHeader, int payloadLength, int hopLimit) {
        return new Ipv6Header(0, 0, payloadLength, nextHeader, hopLimit, src, dst);
    }

    public void encodeTo(ByteBuffer out) {
        out.putInt((6 << 28) | ((trafficClass & 0xff) << 20) | (flowLabel & 0xfffff));
        out.putShort((short) payloadLength);
        out.put((byte) nextHeader);
        out.put((byte) hopLimit);
        out.put(src.bytes()).put(dst.bytes());
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        encodeTo(b);
        return b.array();
    }
}
