package org.jsetkey.engine.net;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntSupplier;

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
        if (!carriesIcmp(ip)) {
            return null;
        }
        return decode(ip.buffer(), ip.offset() + ip.upperOffset(), ip.end() - ip.upperOffset(), ip.v6(), ip.source(),
                ip.destination());
    }

    /**
     * Writes the reply to the echo request in {@code request} into {@code out}, as
     * {@code fromPacket(request).toReply().toPacket(dst, src, id4, ttl)} would make it, without
     * copying the message into values and arrays on the way: the header classes' plain IP header
     * from the request's destination back to its source, then the request's message with the reply
     * type and its checksum. Returns false, and takes no identification, when the packet is not an
     * echo request {@link #decode} accepts.
     */
    public static boolean writeReply(Packet request, Packet out, IntSupplier id4, int ttl) {
        if (!carriesIcmp(request)) {
            return false;
        }
        boolean v6 = request.v6();
        byte[] in = request.buffer();
        int at = request.offset() + request.upperOffset();
        int len = request.end() - request.upperOffset();
        IpAddress src = request.source();
        IpAddress dst = request.destination();
        if (len < HEADER || (in[at] & 0xff) != (v6 ? 128 : 8) || in[at + 1] != 0 || !messageVerifies(request)) {
            return false;
        }
        int head = v6 ? Ipv6Header.LENGTH : Ipv4Header.MIN_LENGTH;
        out.reserve(head + len);
        byte[] b = out.buffer();
        int o = out.offset();
        ByteBuffer header = ByteBuffer.wrap(b, o, head);
        if (v6) {
            Ipv6Header.of(dst, src, IpProtocol.ICMPV6.number(), len, ttl).encodeTo(header);
        } else {
            Ipv4Header.of(dst, src, IpProtocol.ICMP.number(), len, id4.getAsInt(), ttl).encodeTo(header);
        }
        int m = o + head;
        System.arraycopy(in, at, b, m, len);
        b[m] = (byte) (v6 ? 129 : 0);
        b[m + 2] = 0;
        b[m + 3] = 0;
        long sum = v6 ? InternetChecksum.pseudoHeader(dst, src, IpProtocol.ICMPV6.number(), len) : 0;
        int check = InternetChecksum.finish(InternetChecksum.add(sum, b, m, len));
        b[m + 2] = (byte) (check >> 8);
        b[m + 3] = (byte) check;
        out.length(head + len);
        return true;
    }

    /** Whether {@code ip} parses and carries ICMP or ICMPv6 (false for a packet the walk refuses). */
    public static boolean carriesIcmp(Packet ip) {
        try {
            return ip.icmp();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether the ICMP message of a packet that {@link #carriesIcmp} sums to zero with its checksum,
     * over the ICMPv6 pseudo-header too (RFC 4443 2.3).
     */
    public static boolean messageVerifies(Packet ip) {
        int len = ip.end() - ip.upperOffset();
        long init = ip.v6() ? InternetChecksum.pseudoHeader(ip.source(), ip.destination(),
                IpProtocol.ICMPV6.number(), len) : 0;
        return InternetChecksum.finish(InternetChecksum.add(init, ip.buffer(), ip.offset() + ip.upperOffset(), len))
                == 0;
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
