package org.jsetkey.engine.link;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;

/** Hand-built packets (valid headers, arbitrary IPsec contents) for printer tests. */
public final class SyntheticPackets {
    private SyntheticPackets() {
    }

    public static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static int sum(byte[] b, int off, int len) {
        long s = 0;
        for (int i = off; i < off + len; i += 2) {
            s += ((b[i] & 0xff) << 8) | (i + 1 < off + len ? b[i + 1] & 0xff : 0);
        }
        while ((s >> 16) != 0) {
            s = (s & 0xffff) + (s >> 16);
        }
        return (int) (~s & 0xffff);
    }

    public static byte[] ip4(String src, String dst, int proto, byte[] payload, int flags) {
        byte[] h = new byte[20];
        int total = 20 + payload.length;
        h[0] = 0x45;
        h[2] = (byte) (total >> 8);
        h[3] = (byte) total;
        h[5] = 1;
        h[6] = (byte) (flags >> 8);
        h[8] = 64;
        h[9] = (byte) proto;
        IpAddress.parse(src).copyTo(h, 12);
        IpAddress.parse(dst).copyTo(h, 16);
        int c = sum(h, 0, 20);
        h[10] = (byte) (c >> 8);
        h[11] = (byte) c;
        return cat(h, payload);
    }

    public static byte[] ip4(String src, String dst, int proto, byte[] payload) {
        return ip4(src, dst, proto, payload, 0);
    }

    public static byte[] ip6(String src, String dst, int nh, byte[] payload) {
        byte[] h = new byte[40];
        h[0] = 0x60;
        h[4] = (byte) (payload.length >> 8);
        h[5] = (byte) payload.length;
        h[6] = (byte) nh;
        h[7] = 64;
        IpAddress.parse(src).copyTo(h, 8);
        IpAddress.parse(dst).copyTo(h, 24);
        return cat(h, payload);
    }

    public static byte[] icmpEcho(int type, int id, int seq, int dataLen) {
        byte[] m = new byte[8 + dataLen];
        m[0] = (byte) type;
        m[4] = (byte) (id >> 8);
        m[5] = (byte) id;
        m[6] = (byte) (seq >> 8);
        m[7] = (byte) seq;
        for (int i = 8; i < m.length; i++) {
            m[i] = (byte) i;
        }
        if (type == 0 || type == 8) {
            int c = sum(m, 0, m.length);
            m[2] = (byte) (c >> 8);
            m[3] = (byte) c;
        }
        return m;
    }

    public static byte[] icmp6Echo(String src, String dst, int type, int id, int seq, int dataLen) {
        byte[] m = icmpEcho(0, id, seq, dataLen);
        m[0] = (byte) type;
        m[2] = 0;
        m[3] = 0;
        byte[] pseudo = new byte[40 + m.length];
        IpAddress.parse(src).copyTo(pseudo, 0);
        IpAddress.parse(dst).copyTo(pseudo, 16);
        pseudo[34] = (byte) (m.length >> 8);
        pseudo[35] = (byte) m.length;
        pseudo[39] = 58;
        System.arraycopy(m, 0, pseudo, 40, m.length);
        int c = sum(pseudo, 0, pseudo.length);
        m[2] = (byte) (c >> 8);
        m[3] = (byte) c;
        return m;
    }

    public static byte[] ah(int nh, long spi, long seq, int icvLen, byte[] payload) {
        byte[] h = new byte[12 + icvLen];
        h[0] = (byte) nh;
        h[1] = (byte) ((12 + icvLen) / 4 - 2);
        put32(h, 4, spi);
        put32(h, 8, seq);
        for (int i = 12; i < h.length; i++) {
            h[i] = (byte) (i - 11);
        }
        return cat(h, payload);
    }

    public static byte[] esp(long spi, long seq, int bodyLen) {
        byte[] h = new byte[8 + bodyLen];
        put32(h, 0, spi);
        put32(h, 4, seq);
        return h;
    }

    public static byte[] udp(int sport, int dport, int dataLen) {
        byte[] h = new byte[8 + dataLen];
        h[0] = (byte) (sport >> 8);
        h[1] = (byte) sport;
        h[2] = (byte) (dport >> 8);
        h[3] = (byte) dport;
        h[4] = (byte) ((8 + dataLen) >> 8);
        h[5] = (byte) (8 + dataLen);
        return h;
    }

    public static byte[] ipcomp(int nh, int cpi, int dataLen) {
        byte[] h = new byte[4 + dataLen];
        h[0] = (byte) nh;
        h[2] = (byte) (cpi >> 8);
        h[3] = (byte) cpi;
        return h;
    }

    public static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }

    /** The variety a trace must render like tcpdump. */
    public static List<byte[]> variety() {
        String a = "192.0.2.10";
        String b = "198.51.100.20";
        String x = "2001:db8::1";
        String y = "2001:db8::2";
        List<byte[]> l = new ArrayList<>();
        l.add(ip4(a, b, 1, icmpEcho(8, 4660, 1, 56)));
        l.add(ip4(b, a, 1, icmpEcho(0, 4660, 1, 56)));
        l.add(ip4(a, b, 1, icmpEcho(8, 4660, 2, 56), 0x4000));
        l.add(ip4(a, b, 50, esp(0x1000, 1, 96)));
        l.add(ip4(a, b, 51, ah(1, 0x3d54, 1, 12, icmpEcho(8, 4660, 1, 56))));
        l.add(ip4(a, b, 51, ah(50, 0x3d54, 1, 12, esp(0x3d55, 1, 68))));
        l.add(ip4(a, b, 51, ah(50, 0x3d54, 0x2ac, 16, esp(0x3d55, 0x59e, 68))));
        l.add(ip4(a, b, 108, ipcomp(1, 2, 40)));
        l.add(ip4(a, b, 4, ip4("10.0.0.1", "10.0.0.2", 1, icmpEcho(8, 4660, 1, 56))));
        l.add(ip4(a, b, 51, ah(4, 0x3d54, 2, 12, ip4("10.0.0.1", "10.0.0.2", 1, icmpEcho(8, 4660, 1, 56)))));
        l.add(ip4(a, b, 17, udp(5000, 6000, 10)));
        l.add(ip4(a, b, 99, new byte[5]));
        l.add(ip6(x, y, 58, icmp6Echo(x, y, 128, 4660, 1, 56)));
        l.add(ip6(y, x, 58, icmp6Echo(y, x, 129, 4660, 1, 56)));
        l.add(ip6(x, y, 50, esp(0x1000, 2, 96)));
        l.add(ip6(x, y, 51, ah(58, 0x3d54, 2, 12, icmp6Echo(x, y, 128, 4660, 1, 56))));
        l.add(ip6(x, y, 51, ah(50, 0x3d54, 3, 16, esp(0x3d55, 3, 80))));
        l.add(ip6(x, y, 41, ip6(x, y, 58, icmp6Echo(x, y, 128, 4660, 1, 56))));
        l.add(ip6(x, y, 108, ipcomp(58, 0x1234, 40)));
        l.add(ip4("203.0.113.1", "203.0.113.2", 50, esp(0x2000, 1, 100)));
        return l;
    }
}
