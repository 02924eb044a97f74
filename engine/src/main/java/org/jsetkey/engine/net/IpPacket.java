package org.jsetkey.engine.net;

/** Builds whole IPv4/IPv6 packets around an upper-layer payload. */
public final class IpPacket {
    private IpPacket() {
    }

    /**
     * @param id   the IPv4 identification (ignored for IPv6)
     * @param ttl  TTL or hop limit
     */
    public static byte[] build(IpAddress src, IpAddress dst, int protocol, byte[] payload, int id, int ttl) {
        byte[] header;
        if (src.isV4()) {
            header = Ipv4Header.of(src, dst, protocol, payload.length, id, ttl).encode();
        } else {
            header = Ipv6Header.of(src, dst, protocol, payload.length, ttl).encode();
        }
        byte[] out = new byte[header.length + payload.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(payload, 0, out, header.length, payload.length);
        return out;
    }

    /** The source address of a raw packet (IPv4 or IPv6, at least a full fixed header). */
    public static IpAddress source(byte[] ip) {
        return address(ip, 12, 8);
    }

    public static IpAddress destination(byte[] ip) {
        return address(ip, 16, 24);
    }

    private static IpAddress address(byte[] ip, int v4Off, int v6Off) {
        boolean v6 = (ip[0] & 0xf0) == 0x60;
        byte[] a = new byte[v6 ? 16 : 4];
        System.arraycopy(ip, v6 ? v6Off : v4Off, a, 0, a.length);
        return IpAddress.of(a);
    }
}
