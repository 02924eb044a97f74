package org.jsetkey.engine.net;

import java.util.Arrays;

/**
 * One IP packet in a buffer with room in front of it and behind it, and what one walk over its
 * headers found: the datapath's packet value. It is parsed once where it enters (the link's
 * receive, a local send); a stage that changes the packet (a transform adding or removing a
 * header) moves the window and sets the fields it changed instead of walking the bytes again.
 *
 * <p>The bytes are {@code buffer()[offset() .. offset() + length())}. Transforms grow the packet
 * into the head- and tailroom in place ({@link #prepend}, {@link #append}); when the room is short
 * the bytes move to a larger buffer once. A buffer is reused packet after packet (see
 * {@link PacketScratch}), so whatever keeps a packet beyond the call it was handed in takes a copy
 * ({@link #toByteArray}); nothing else copies.
 *
 * <p>Offsets the parse reports ({@link #upperOffset}, {@link #fieldOffset}, {@link #end}) are
 * relative to the start of the packet. Not thread-safe: a packet belongs to the thread working on it.
 */
public final class Packet {
    /** Room in front: an outer IPv6 header, UDP, ESP with a 16-byte IV and AH with a 64-byte ICV. */
    public static final int HEADROOM = 192;
    /** Room behind: ESP padding to a 16-byte block, pad length, next header and a 64-byte ICV. */
    public static final int TAILROOM = 96;

    private byte[] buf;
    private int off;
    private int len;

    private boolean parsed;
    private int version;
    private int ipHeaderLength;
    private int end;
    private int protocol;
    private int upperOffset;
    private int fieldOffset;
    private IpAddress src;
    private IpAddress dst;
    /** The addresses last read from this buffer, kept when the parse is forgotten (values: sharing them is safe). */
    private IpAddress lastSrc;
    private IpAddress lastDst;

    /** An empty packet with a buffer for {@code capacity} bytes plus the head- and tailroom. */
    public Packet(int capacity) {
        this.buf = new byte[HEADROOM + capacity + TAILROOM];
        this.off = HEADROOM;
    }

    private Packet(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
    }

    /** The packet {@code ip} as it is, without a copy (no headroom: the first prepend copies). */
    public static Packet wrap(byte[] ip) {
        return new Packet(ip, 0, ip.length);
    }

    /** A copy of {@code ip} in a new buffer with head- and tailroom. */
    public static Packet copyOf(byte[] ip) {
        Packet p = new Packet(ip.length);
        p.load(ip, 0, ip.length);
        return p;
    }

    /** Makes this packet a copy of {@code src[from .. from + n)} (the buffer is reused when large enough). */
    public Packet load(byte[] src, int from, int n) {
        reserve(n);
        System.arraycopy(src, from, buf, off, n);
        len = n;
        return this;
    }

    /**
     * An empty packet in this buffer, with at least {@code capacity} bytes behind {@link #HEADROOM}
     * (a new buffer when this one is too small); the caller writes at {@link #offset()} and sets
     * {@link #length}.
     */
    public Packet reserve(int capacity) {
        if (buf.length < HEADROOM + capacity + TAILROOM) {
            buf = new byte[HEADROOM + capacity + TAILROOM];
        }
        off = HEADROOM;
        len = 0;
        forget();
        return this;
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return off;
    }

    public int length() {
        return len;
    }

    /** Sets the length of the bytes at {@link #offset()}; the parse is forgotten. */
    public Packet length(int n) {
        if (n < 0 || off + n > buf.length) {
            throw new IllegalArgumentException("length " + n + " outside a buffer of " + (buf.length - off) + " bytes");
        }
        len = n;
        forget();
        return this;
    }

    /** The bytes changed where the walk read them: the parse and the addresses are read again when asked. */
    public void changed() {
        forget();
    }

    /** Drops the bytes behind {@code n} (link padding behind the end); the parse still holds. */
    public void cutTo(int n) {
        if (n < 0 || n > len) {
            throw new IllegalArgumentException("cut to " + n + " bytes of a " + len + "-byte packet");
        }
        len = n;
    }

    /** The parse no longer describes the bytes (reference fields written only when set: no store barrier per packet). */
    private void forget() {
        parsed = false;
        if (src != null) {
            src = null;
        }
        if (dst != null) {
            dst = null;
        }
    }

    /** Room behind the packet, in bytes. */
    public int tailroom() {
        return buf.length - off - len;
    }

    /** Makes sure there are {@code front} bytes of headroom and {@code back} of tailroom, moving the packet at most once. */
    public void ensureRoom(int front, int back) {
        if (off >= front && tailroom() >= back) {
            return;
        }
        int head = Math.max(front, HEADROOM);
        byte[] bigger = new byte[head + len + Math.max(back, TAILROOM)];
        System.arraycopy(buf, off, bigger, head, len);
        buf = bigger;
        off = head;
    }

    /** Grows the packet by {@code n} bytes in front (the caller made room); returns the new start. */
    public int prepend(int n) {
        ensureRoom(n, 0);
        off -= n;
        len += n;
        return off;
    }

    /** Grows the packet by {@code n} bytes behind (the caller made room); returns where they start. */
    public int append(int n) {
        ensureRoom(0, n);
        int at = off + len;
        len += n;
        return at;
    }

    /** Drops {@code n} bytes in front of the packet. */
    public void trimFront(int n) {
        off += n;
        len -= n;
    }

    /** An exact copy of the packet's bytes: what a keeper (a capture, a script, a queue) holds on to. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(buf, off, off + len);
    }

    /** A copy in a new buffer, with the parse: a packet that outlives this buffer's reuse. */
    public Packet copy() {
        return copyOf(toByteArray()).copyParse(this);
    }

    private Packet copyParse(Packet other) {
        parsed = other.parsed;
        version = other.version;
        ipHeaderLength = other.ipHeaderLength;
        end = other.end;
        protocol = other.protocol;
        upperOffset = other.upperOffset;
        fieldOffset = other.fieldOffset;
        src = other.src;
        dst = other.dst;
        return this;
    }

    /** The byte at {@code at}; reads stop at the packet's length (behind it lie a reused buffer's old bytes). */
    public int u8(int at) {
        within(at, 1);
        return buf[off + at] & 0xff;
    }

    public int u16(int at) {
        within(at, 2);
        return PacketView.u16(buf, off + at);
    }

    public long u32(int at) {
        within(at, 4);
        return PacketView.u32(buf, off + at);
    }

    private void within(int at, int n) {
        if (at < 0 || at + n > len) {
            throw new IllegalArgumentException("read of " + n + " bytes at offset " + at + " past the end of a "
                    + len + "-byte packet");
        }
    }

    // ---- the walk ----

    /** Walks the header chain (skipping a final destination-options header); see {@link #parse(boolean)}. */
    public Packet parse() {
        return parse(true);
    }

    /**
     * Reads the IP header and the IPv6 extension headers in front of the upper layer, once.
     *
     * @param skipFinalDestOpts false to stop at a destination-options header not followed by a
     *                          routing header (where a transport-mode AH/ESP is inserted)
     * @throws IllegalArgumentException saying where the packet is malformed
     */
    public Packet parse(boolean skipFinalDestOpts) {
        forget();
        if (len < 1) {
            throw new IllegalArgumentException("empty packet");
        }
        int v = u8(0) >> 4;
        if (v == 4) {
            parseV4();
        } else if (v == 6) {
            parseV6(skipFinalDestOpts);
        } else {
            throw new IllegalArgumentException("IP version " + v + " at offset 0 (expected: 4 or 6): " + hex(0, 4));
        }
        parsed = true;
        return this;
    }

    private void parseV4() {
        if (len < Ipv4Header.MIN_LENGTH) {
            throw new IllegalArgumentException("IPv4 packet of " + len + " bytes (expected: at least 20)");
        }
        int ihl = PacketView.ipv4HeaderLength(u8(0));
        int total = u16(2);
        if (ihl < Ipv4Header.MIN_LENGTH || total < ihl || total > len) {
            throw new IllegalArgumentException("IPv4 header length " + ihl + ", total length " + total + " in "
                    + len + " bytes: " + hex(0, 4));
        }
        set(4, ihl, total, u8(9), ihl, 9);
    }

    private void parseV6(boolean skipFinalDestOpts) {
        if (len < Ipv6Header.LENGTH) {
            throw new IllegalArgumentException("IPv6 packet of " + len + " bytes (expected: at least 40)");
        }
        int e = Ipv6Header.LENGTH + u16(4);
        if (e > len) {
            throw new IllegalArgumentException("IPv6 payload length " + u16(4) + " in " + len + " bytes");
        }
        int proto = u8(6);
        int at = Ipv6Header.LENGTH;
        int field = 6;
        boolean first = true;
        while (isExtension(proto, first)) {
            if (at + 8 > e) {
                throw new IllegalArgumentException("IPv6 extension header " + proto + " at offset " + at
                        + " runs past the packet end " + e);
            }
            int next = u8(at);
            if (proto == IpProtocol.DSTOPTS.number() && !skipFinalDestOpts && next != IpProtocol.ROUTING.number()) {
                break;
            }
            int hl = proto == IpProtocol.FRAGMENT.number() ? 8 : (u8(at + 1) + 1) * 8;
            if (at + hl > e) {
                throw new IllegalArgumentException("IPv6 extension header " + proto + " at offset " + at
                        + " of " + hl + " bytes runs past the packet end " + e);
            }
            field = at;
            at += hl;
            proto = next;
            first = false;
        }
        set(6, Ipv6Header.LENGTH, e, proto, at, field);
    }

    private static boolean isExtension(int proto, boolean first) {
        return (proto == IpProtocol.HOPOPTS.number() && first) || proto == IpProtocol.ROUTING.number()
                || proto == IpProtocol.FRAGMENT.number() || proto == IpProtocol.DSTOPTS.number();
    }

    /**
     * Sets what a walk would find, for a stage that changed the packet and knows the result: a
     * transform that put a header in (or took one out) sets the new protocol, offsets and end.
     */
    public void set(int version, int ipHeaderLength, int end, int protocol, int upperOffset, int fieldOffset) {
        this.version = version;
        this.ipHeaderLength = ipHeaderLength;
        this.end = end;
        this.protocol = protocol;
        this.upperOffset = upperOffset;
        this.fieldOffset = fieldOffset;
        this.parsed = true;
    }

    /** Whether the fields below describe the bytes (set by {@link #parse} or {@link #set}). */
    public boolean parsed() {
        return parsed;
    }

    private void requireParsed() {
        if (!parsed) {
            parse();
        }
    }

    public int version() {
        requireParsed();
        return version;
    }

    public boolean v6() {
        return version() == 6;
    }

    public int ipHeaderLength() {
        requireParsed();
        return ipHeaderLength;
    }

    /** Where the packet ends as its length field says (bytes behind it are link padding). */
    public int end() {
        requireParsed();
        return end;
    }

    /** The protocol of the first header after the IP header and the extension headers in front. */
    public int protocol() {
        requireParsed();
        return protocol;
    }

    /** Where that header starts. */
    public int upperOffset() {
        requireParsed();
        return upperOffset;
    }

    /** Where the byte naming {@link #protocol()} sits (IPv4 9, IPv6 6 or inside an extension header). */
    public int fieldOffset() {
        requireParsed();
        return fieldOffset;
    }

    /** The walk as the {@link IpView} value the packet printers read. */
    public IpView view() {
        requireParsed();
        return new IpView(version, ipHeaderLength, end, protocol, upperOffset, fieldOffset);
    }

    /** This packet carries the IP header of {@code other}: its addresses, once read there, are not read again. */
    public void addressesOf(Packet other) {
        src = other.src;
        dst = other.dst;
    }

    public IpAddress source() {
        if (src == null) {
            IpAddress a = address(12, 8, lastSrc);
            if (a != lastSrc) {
                lastSrc = a;
            }
            src = a;
        }
        return src;
    }

    public IpAddress destination() {
        if (dst == null) {
            IpAddress a = address(16, 24, lastDst);
            if (a != lastDst) {
                lastDst = a;
            }
            dst = a;
        }
        return dst;
    }

    /** The address at the offset, or {@code last} when it holds the same bytes: a reused buffer's next packet is most often the same flow's. */
    private IpAddress address(int v4At, int v6At, IpAddress last) {
        boolean six = (u8(0) & 0xf0) == 0x60;
        int n = six ? 16 : 4;
        int at = six ? v6At : v4At;
        if (at + n > len) {
            throw new IllegalArgumentException("IP header cut off at " + len + " bytes");
        }
        if (last != null && last.isAt(buf, off + at, n)) {
            return last;
        }
        return IpAddress.of(Arrays.copyOfRange(buf, off + at, off + at + n));
    }

    /** The upper layer's source port (TCP/UDP) or ICMP type, 0 when there is none or it is cut off. */
    public int sourcePort() {
        return upperField(0);
    }

    /** The upper layer's destination port (TCP/UDP) or ICMP code, 0 when there is none or it is cut off. */
    public int destinationPort() {
        return upperField(1);
    }

    private int upperField(int which) {
        int p = protocol();
        int at = upperOffset;
        if ((p == IpProtocol.TCP.number() || p == IpProtocol.UDP.number()) && at + 4 <= end) {
            return u16(at + 2 * which);
        }
        if ((p == IpProtocol.ICMP.number() || p == IpProtocol.ICMPV6.number()) && at + 2 <= end) {
            return u8(at + which);
        }
        return 0;
    }

    /** Whether the upper layer is ICMP (IPv4) or ICMPv6 (IPv6). */
    public boolean icmp() {
        return protocol() == (v6() ? IpProtocol.ICMPV6.number() : IpProtocol.ICMP.number());
    }

    /** A short hex dump for decode errors. */
    public String hex(int at, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = at; i < Math.min(len, at + n); i++) {
            sb.append(String.format("%02x", buf[off + i] & 0xff));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Packet[" + len + " bytes at " + off + " of " + buf.length + "]";
    }
}
