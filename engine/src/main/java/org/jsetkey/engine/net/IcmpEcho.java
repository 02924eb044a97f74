package org.jsetkey.engine.net;

import java.util.Arrays;
import java.util.Objects;

/**
 * An ICMP (type 8/0) or ICMPv6 (type 128/129) echo request or reply. ICMPv6 checksums include
 * the pseudo-header (RFC 4443 2.3), so encoding and checking need the addresses.
 */
public record IcmpEcho(boolean v6, boolean reply, int id, int seq, byte[] data) {
    public static final int HEADER = 8;

    public IcmpEcho {
        data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int type() {
        if (v6) {
            return reply ? 129 : 128;
        }
        return reply ? 0 : 8;
    }

    public int protocol() {
        return v6 ? IpProtocol.ICMPV6.number() : IpProtocol.ICMP.number();
    }

    /** The answer to this request: same id, seq and data. */
    public IcmpEcho toReply() {
        return new IcmpEcho(v6, true, id, seq, data);
    }

    /** The ICMP message bytes with the checksum filled in. */
    public byte[] encode(IpAddress src, IpAddress dst) {
        byte[] m = new byte[HEADER + data.length];
        m[0] = (byte) type();
        m[4] = (byte) (id >> 8);
        m[5] = (byte) id;
        m[6] = (byte) (seq >> 8);
        m[7] = (byte) seq;
        System.arraycopy(data, 0, m, HEADER, data.length);
        int sum = InternetChecksum.finish(InternetChecksum.add(initialSum(src, dst, m.length), m, 0, m.length));
        m[2] = (byte) (sum >> 8);
        m[3] = (byte) sum;
        return m;
    }

    private long initialSum(IpAddress src, IpAddress dst, int len) {
        return v6 ? InternetChecksum.pseudoHeader(src, dst, IpProtocol.ICMPV6.number(), len) : 0;
    }

    /**
     * Parses an echo message at {@code off..off+len}; null when it is not an echo request/reply,
     * is truncated, or its checksum is wrong.
     */
    public static IcmpEcho decode(byte[] b, int off, int len, boolean v6, IpAddress src, IpAddress dst) {
        if (len < HEADER || off < 0 || off + len > b.length) {
            return null;
        }
        int type = b[off] & 0xff;
        boolean request = v6 ? type == 128 : type == 8;
        boolean reply = v6 ? type == 129 : type == 0;
        if (!request && !reply || b[off + 1] != 0) {
            return null;
        }
        long init = v6 ? InternetChecksum.pseudoHeader(src, dst, IpProtocol.ICMPV6.number(), len) : 0;
        if (InternetChecksum.finish(InternetChecksum.add(init, b, off, len)) != 0) {
            return null;
        }
        return new IcmpEcho(v6, reply, PacketView.u16(b, off + 4), PacketView.u16(b, off + 6),
                Arrays.copyOfRange(b, off + HEADER, off + len));
    }

    /** Parses the echo carried by a whole IP packet (no extension headers other than the skipped ones). */
    public static IcmpEcho fromPacket(byte[] ip) {
        return fromPacket(Packet.wrap(ip));
    }

    /** The echo in a packet value, read from its parse (walked now if it was not yet); null for any other packet. */
    public static IcmpEcho fromPacket(Packet ip) {
        try {
            if (!ip.icmp()) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return decode(ip.buffer(), ip.offset() + ip.upperOffset(), ip.end() - ip.upperOffset(), ip.v6(), ip.source(),
                ip.destination());
    }

    /** A whole IPv4/IPv6 packet carrying this echo (TTL / hop limit {@code ttl}). */
    public byte[] toPacket(IpAddress src, IpAddress dst, int id4, int ttl) {
        return IpPacket.build(src, dst, protocol(), encode(src, dst), id4, ttl);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcmpEcho e && v6 == e.v6 && reply == e.reply && id == e.id && seq == e.seq
                && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(v6, reply, id, seq) * 31 + Arrays.hashCode(data);
    }
}
