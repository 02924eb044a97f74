package org.jsetkey.engine.picture;

import java.io.IOException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaId;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.xform.UdpEncap;
import org.jsetkey.engine.xform.Xform;
import org.jsetkey.engine.xform.XformException;

/**
 * Seals one packet per combination of {@code pictures/lab.conf} (with a seeded random source, so the
 * IVs are the same every time) and writes {@code pictures/lab.pcap}:
 * {@code mvn -pl engine test -Dtest=LabPacketsTest -Dpictures.write=true}.
 */
final class LabPackets {
    private final PictureLab lab = new PictureLab().load("/pictures/lab.conf");
    private final Xform xform;

    LabPackets() throws NoSuchAlgorithmException {
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(21L);
        xform = new Xform(lab.host.clock(), seeded);
    }

    List<byte[]> packets() throws XformException {
        List<byte[]> out = new ArrayList<>();
        byte[] p1 = ping("192.0.2.1", "192.0.2.2", 56);
        out.add(seal(p1, "192.0.2.2", SaType.AH, 0x5001, SaMode.TRANSPORT, null, null));
        byte[] p2 = ping("192.0.2.1", "192.0.2.3", 56);
        out.add(seal(p2, "192.0.2.3", SaType.ESP, 0x5002, SaMode.TRANSPORT, null, null));
        byte[] p3 = zeroPing("192.0.2.1", "192.0.2.4", 200);
        byte[] c3 = seal(p3, "192.0.2.4", SaType.IPCOMP, 0x4004, SaMode.TRANSPORT, null, null);
        out.add(seal(c3, "192.0.2.4", SaType.ESP, 0x5003, SaMode.TRANSPORT, null, null));
        byte[] p4 = ping("192.0.2.1", "198.51.100.2", 56);
        byte[] t4 = seal(p4, "203.0.113.2", SaType.ESP, 0x5005, SaMode.TUNNEL, "203.0.113.1", "203.0.113.2");
        out.add(seal(t4, "203.0.113.2", SaType.AH, 0x5006, SaMode.TRANSPORT, null, null));
        out.add(seal(hopByHopPing(), "2001:db8::2", SaType.AH, 0x6001, SaMode.TRANSPORT, null, null));
        byte[] p6 = ping("2001:db8::1", "2001:db8:1::2", 56);
        out.add(seal(p6, "2001:db8:ffff::2", SaType.ESP, 0x6002, SaMode.TUNNEL, "2001:db8:ffff::1",
                "2001:db8:ffff::2"));
        byte[] p7 = ping("192.0.2.1", "192.0.2.5", 56);
        SaEntry natt = lab.host.sad().get(new SaId(IpAddress.parse("192.0.2.5"), SaType.ESP, 0x5007)).orElseThrow();
        out.add(UdpEncap.wrap(seal(p7, "192.0.2.5", SaType.ESP, 0x5007, SaMode.TRANSPORT, null, null), natt.natT()));
        return out;
    }

    void write(Path file) throws IOException, XformException {
        try (PcapWriter w = PcapWriter.create(file)) {
            long t = 1_767_225_600_000_000L;
            for (byte[] p : packets()) {
                w.write(t, p);
                t += 1000;
            }
        }
    }

    private byte[] seal(byte[] ip, String dst, SaType type, long spi, SaMode mode, String tsrc, String tdst)
            throws XformException {
        SaEntry sa = lab.host.sad().get(new SaId(IpAddress.parse(dst), type, spi)).orElseThrow();
        return xform.seal(ip, sa, mode, tsrc == null ? null : IpAddress.parse(tsrc),
                tdst == null ? null : IpAddress.parse(tdst));
    }

    static byte[] ping(String src, String dst, int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i + 8);
        }
        IpAddress s = IpAddress.parse(src);
        return new IcmpEcho(s.isV6(), false, 4660, 1, data).toPacket(s, IpAddress.parse(dst), 1, 64);
    }

    static byte[] zeroPing(String src, String dst, int n) {
        IpAddress s = IpAddress.parse(src);
        return new IcmpEcho(s.isV6(), false, 4660, 1, new byte[n]).toPacket(s, IpAddress.parse(dst), 1, 64);
    }

    /**
     * 2001:db8::1 > 2001:db8::2: IPv6, a hop-by-hop header (option 0x3e, "may change en route", then
     * PadN), an ICMPv6 echo request.
     */
    static byte[] hopByHopPing() {
        IpAddress src = IpAddress.parse("2001:db8::1");
        IpAddress dst = IpAddress.parse("2001:db8::2");
        byte[] data = new byte[16];
        byte[] icmp = new IcmpEcho(true, false, 4660, 1, data).encode(src, dst);
        byte[] hbh = {(byte) IpProtocol.ICMPV6.number(), 0, 0x3e, 2, (byte) 0xab, (byte) 0xcd, 1, 0};
        byte[] p = new byte[40 + hbh.length + icmp.length];
        p[0] = 0x60;
        p[4] = (byte) ((hbh.length + icmp.length) >> 8);
        p[5] = (byte) (hbh.length + icmp.length);
        p[6] = 0;
        p[7] = 64;
        System.arraycopy(src.bytes(), 0, p, 8, 16);
        System.arraycopy(dst.bytes(), 0, p, 24, 16);
        System.arraycopy(hbh, 0, p, 40, hbh.length);
        System.arraycopy(icmp, 0, p, 48, icmp.length);
        return p;
    }
}
