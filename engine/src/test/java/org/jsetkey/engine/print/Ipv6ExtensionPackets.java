package org.jsetkey.engine.print;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.UdpHeader;

/**
 * IPv6 packets with extension headers in front of their upper layer, for comparing the trace
 * printer with tcpdump: hop-by-hop and destination options (valid, odd and broken options),
 * fragments, routing headers of types 0, 2, 4 and an unknown one, in chains, over ICMPv6 echo,
 * ESP, AH, IPComp, UDP, TCP and no next header. Checksums cover the last hop of a routing header.
 */
final class Ipv6ExtensionPackets {
    static final IpAddress SRC = IpAddress.parse("2001:db8::1");
    static final IpAddress DST = IpAddress.parse("2001:db8::2");
    static final IpAddress HOP = IpAddress.parse("2001:db8::3");
    static final IpAddress LAST = IpAddress.parse("2001:db8::4");

    private static final int HBH = 0;
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int ESP = 50;
    private static final int AH = 51;
    private static final int ICMP6 = 58;
    private static final int NONE = 59;
    private static final int DSTOPTS = 60;
    private static final int IPCOMP = 108;

    /** One extension header, told what follows it. */
    interface Ext {
        byte[] bytes(int next);
    }

    private Ipv6ExtensionPackets() {
    }

    /** Packets whose upper layer the printer shows as tcpdump -v does (so plain and -v are compared). */
    static List<byte[]> verbose() {
        List<byte[]> out = new ArrayList<>();
        int[] uppers = {ICMP6, ESP, AH, IPCOMP, NONE};
        List<List<Ext>> chains = List.of(
                List.of(options(HBH, pad(4))),
                List.of(options(DSTOPTS, pad(4))),
                List.of(options(HBH, rtalert(0)), options(DSTOPTS, pad(12))),
                List.of(frag(0, true, 0xabcd)),
                List.of(frag(24, false, 0x1234)),
                List.of(options(HBH, pad1(3)), frag(0, true, 7), options(DSTOPTS, pad(4))),
                List.of(routing(0, 1, HOP, LAST)),
                List.of(routing(2, 1, LAST)),
                List.of(routing(2, 0)),
                List.of(srh(1, 0, 0x42, LAST, HOP)),
                List.of(srh(0, 1, 0, LAST)),
                List.of(routing(3, 1, HOP)),
                List.of(raw(ROUTING, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                List.of(options(DSTOPTS, pad(4)), routing(2, 1, LAST), options(DSTOPTS, pad(4))),
                List.of(options(HBH, pad(4)), routing(0, 2, HOP, HOP, LAST), frag(0, false, 9)),
                List.of(options(DSTOPTS, pad(4)), options(HBH, pad(4))),
                List.of(options(HBH, pad(4)), options(HBH, pad(4))),
                List.of(options(HBH, jumbo(70000))),
                List.of(options(DSTOPTS, concat(jumbo(70000), jumbo(5)))),
                List.of(options(DSTOPTS, homeAddress(LAST, new byte[0]))),
                List.of(options(DSTOPTS, homeAddress(LAST, new byte[] {0, 1, 1, 0, 0x33, 2, 0, 0}))),
                List.of(options(HBH, new byte[] {0x3e, 2, 1, 2})),
                List.of(options(HBH, new byte[] {5, 0, 0, 0})),
                List.of(options(HBH, new byte[] {(byte) 0xc2, 2, 0, 0})),
                List.of(options(DSTOPTS, new byte[] {(byte) 0xc9, 2, 0, 0})),
                List.of(raw(HBH, 0, 1, 9, 0, 0, 0, 0)),
                List.of(raw(DSTOPTS, 0, 0, 0, 0, 0, 0, 1)));
        for (List<Ext> chain : chains) {
            for (int upper : uppers) {
                out.add(packet(chain, upper, true));
            }
        }
        out.add(packet(List.of(options(HBH, pad(4))), ICMP6, false));
        out.add(packet(List.of(routing(2, 1, LAST)), ICMP6, false));
        out.add(fragmentAlone());
        Random r = new Random(18);
        for (int i = 0; i < 300; i++) {
            byte[] opts = new byte[6 + 8 * r.nextInt(3)];
            for (int at = 0; at < opts.length;) {
                int[] types = {0, 1, 5, 0xc2, 0xc9, 0x3e, 0x8b};
                int type = types[r.nextInt(types.length)];
                opts[at] = (byte) type;
                if (at + 1 < opts.length) {
                    opts[at + 1] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : r.nextInt(Math.max(1, opts.length - at - 1)));
                }
                for (int k = at + 2; k < Math.min(opts.length, at + 6); k++) {
                    opts[k] = (byte) r.nextInt(256);
                }
                at += type == 0 ? 1 : 2 + (opts[Math.min(at + 1, opts.length - 1)] & 0xff);
            }
            out.add(packet(List.of(raw(r.nextBoolean() ? HBH : DSTOPTS, concat(new byte[] {
                (byte) ((opts.length + 2) / 8 - 1)}, opts))), uppers[r.nextInt(uppers.length)], true));
        }
        return out;
    }

    /** UDP behind extension headers and without them: checksums good and bad, routed, fragmented, NAT-T. */
    static List<byte[]> udp() {
        List<byte[]> out = new ArrayList<>();
        List<List<Ext>> chains = List.of(List.of(), List.of(options(HBH, pad(4))), List.of(frag(0, true, 3)),
                List.of(routing(2, 1, LAST), options(DSTOPTS, pad(4))), List.of(srh(0, 0, 0, LAST, HOP)));
        for (List<Ext> chain : chains) {
            for (boolean good : new boolean[] {true, false}) {
                out.add(packet(chain, UDP, good));
            }
        }
        byte[] natt = packet(List.of(options(DSTOPTS, pad(4))), UDP, true);
        natt[48] = 0x11;
        natt[49] = (byte) 0x94;
        out.add(natt);
        byte[] shortLength = packet(List.of(), UDP, true);
        shortLength[45] = 12;
        out.add(shortLength);
        return out;
    }

    /** TCP, whose -v form (checksum, options) the printer does not follow: compared plain. */
    static List<byte[]> tcp() {
        return List.of(packet(List.of(options(HBH, pad(4))), TCP, true), packet(List.of(frag(0, true, 3)), TCP, true),
                packet(List.of(routing(2, 1, LAST), options(DSTOPTS, pad(4))), TCP, true));
    }

    /** A first fragment with nothing behind its header. */
    private static byte[] fragmentAlone() {
        return v6(FRAGMENT, frag(0, true, 5).bytes(ICMP6));
    }

    static byte[] packet(List<Ext> chain, int upper, boolean goodChecksum) {
        int first = chain.isEmpty() ? upper : kind(chain.get(0));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (int i = 0; i < chain.size(); i++) {
            int next = i + 1 < chain.size() ? kind(chain.get(i + 1)) : upper;
            payload.writeBytes(chain.get(i).bytes(next));
        }
        payload.writeBytes(upper(upper, finalDestination(chain), goodChecksum));
        return v6(first, payload.toByteArray());
    }

    private static byte[] v6(int next, byte[] payload) {
        return IpPacket.build(SRC, DST, next, payload, 0, 64);
    }

    private static byte[] upper(int upper, IpAddress dst, boolean goodChecksum) {
        return switch (upper) {
            case ICMP6 -> {
                byte[] m = new IcmpEcho(true, false, 7, 1, "jsetkey!".getBytes()).encode(SRC, dst);
                if (!goodChecksum) {
                    m[3] ^= 1;
                }
                yield m;
            }
            case ESP -> concat(new byte[] {0, 0, 0x30, 1, 0, 0, 0, 2}, new byte[16]);
            case AH -> concat(new byte[] {ESP, 4, 0, 0, 0, 0, 0x40, 1, 0, 0, 0, 3}, new byte[12],
                    new byte[] {0, 0, 0x30, 2, 0, 0, 0, 3}, new byte[8]);
            case IPCOMP -> new byte[] {ICMP6, 0, 0x20, 0, 1, 2, 3, 4};
            case UDP -> {
                byte[] d = UdpHeader.build(SRC, dst, 40000, 2000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
                if (!goodChecksum) {
                    d[7] ^= 1;
                }
                yield d;
            }
            case TCP -> new byte[] {3, (byte) 0xe8, 7, (byte) 0xd0, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x12, 2, 0, 0, 0, 0,
                0};
            default -> new byte[0];
        };
    }

    /** Where the ICMPv6 checksum goes: the last hop of the first routing header of type 0 or 2. */
    private static IpAddress finalDestination(List<Ext> chain) {
        for (Ext e : chain) {
            if (e instanceof Routing r) {
                return r.type() == 4 ? (r.hops().length > 0 ? r.hops()[0] : DST)
                        : r.type() <= 2 && r.hops().length > 0 ? r.hops()[r.hops().length - 1] : DST;
            }
        }
        return DST;
    }

    private static int kind(Ext e) {
        if (e instanceof Options o) {
            return o.type();
        }
        if (e instanceof Raw r) {
            return r.type();
        }
        return e instanceof Fragment ? FRAGMENT : ROUTING;
    }

    record Options(int type, byte[] options) implements Ext {
        /** The options padded with PadN (or Pad1) to a multiple of 8 bytes with the 2-byte head. */
        @Override
        public byte[] bytes(int next) {
            int total = (options.length + 2 + 7) / 8 * 8;
            byte[] b = new byte[total];
            b[0] = (byte) next;
            b[1] = (byte) (total / 8 - 1);
            System.arraycopy(options, 0, b, 2, options.length);
            int pad = total - 2 - options.length;
            if (pad == 1) {
                b[total - 1] = 0;
            } else if (pad > 1) {
                b[2 + options.length] = 1;
                b[3 + options.length] = (byte) (pad - 2);
            }
            return b;
        }
    }

    /** A header written as given, only its next-header byte filled in. */
    record Raw(int type, byte[] rest) implements Ext {
        @Override
        public byte[] bytes(int next) {
            return concat(new byte[] {(byte) next}, rest);
        }
    }

    record Fragment(int offset, boolean more, int id) implements Ext {
        @Override
        public byte[] bytes(int next) {
            int offlg = offset | (more ? 1 : 0);
            return new byte[] {(byte) next, 0, (byte) (offlg >> 8), (byte) offlg, (byte) (id >> 24), (byte) (id >> 16),
                (byte) (id >> 8), (byte) id};
        }
    }

    record Routing(int type, int segleft, int lastEntry, int flags, int tag, IpAddress... hops) implements Ext {
        @Override
        public byte[] bytes(int next) {
            byte[] b = new byte[8 + 16 * hops.length];
            b[0] = (byte) next;
            b[1] = (byte) (2 * hops.length);
            b[2] = (byte) type;
            b[3] = (byte) segleft;
            if (type == 4) {
                b[4] = (byte) lastEntry;
                b[5] = (byte) flags;
                b[6] = (byte) (tag >> 8);
                b[7] = (byte) tag;
            }
            for (int i = 0; i < hops.length; i++) {
                System.arraycopy(hops[i].bytes(), 0, b, 8 + 16 * i, 16);
            }
            return b;
        }
    }

    static Ext options(int type, byte[] options) {
        return new Options(type, options);
    }

    static Ext raw(int type, byte[] rest) {
        return new Raw(type, rest);
    }

    static Ext raw(int type, int... rest) {
        byte[] b = new byte[rest.length];
        for (int i = 0; i < rest.length; i++) {
            b[i] = (byte) rest[i];
        }
        return new Raw(type, b);
    }

    static Ext frag(int offset, boolean more, int id) {
        return new Fragment(offset, more, id);
    }

    static Ext routing(int type, int segleft, IpAddress... hops) {
        return new Routing(type, segleft, 0, 0, 0, hops);
    }

    static Ext srh(int lastEntry, int flags, int tag, IpAddress... segments) {
        return new Routing(4, segments.length, lastEntry, flags, tag, segments);
    }

    static byte[] pad(int n) {
        byte[] b = new byte[n];
        b[0] = 1;
        b[1] = (byte) (n - 2);
        return b;
    }

    static byte[] pad1(int n) {
        return new byte[n];
    }

    static byte[] rtalert(int value) {
        return new byte[] {5, 2, (byte) (value >> 8), (byte) value};
    }

    static byte[] jumbo(long length) {
        return new byte[] {(byte) 0xc2, 4, (byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8),
            (byte) length};
    }

    static byte[] homeAddress(IpAddress a, byte[] subOptions) {
        return concat(new byte[] {(byte) 0xc9, (byte) (16 + subOptions.length)}, a.bytes(), subOptions);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
