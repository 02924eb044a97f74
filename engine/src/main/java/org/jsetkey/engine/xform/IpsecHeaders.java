package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;

/** Finds the first AH/ESP/IPComp header of a raw IPv4/IPv6 packet. */
public final class IpsecHeaders {
    private IpsecHeaders() {
    }

    /**
     * @return the header, or null when the packet carries none (after the IPv6 hop-by-hop, routing,
     *         fragment and destination-options headers)
     * @throws XformException BAD_PACKET / TOO_SHORT when the packet cannot be parsed that far
     */
    public static IpsecHeader locate(byte[] ip) throws XformException {
        return locate(Packet.wrap(ip));
    }

    /** The same, read from the packet's parse (walked now if it was not yet). */
    public static IpsecHeader locate(Packet p) throws XformException {
        long spi = spi(p);
        return spi < 0 ? null : new IpsecHeader(p.protocol(), spi, p.upperOffset(), p.fieldOffset());
    }

    /**
     * The SPI (for IPComp the CPI) of the first AH/ESP/IPComp header, or -1 when there is none: the
     * header is the packet's parsed upper layer ({@link Packet#protocol()} at
     * {@link Packet#upperOffset()}), so nothing is made to name it.
     */
    public static long spi(Packet p) throws XformException {
        validate(p);
        int proto = p.protocol();
        int off = p.upperOffset();
        if (proto == IpProtocol.ESP.number() || proto == IpProtocol.AH.number()) {
            need(p, off + 8, proto == IpProtocol.ESP.number() ? "ESP" : "AH");
            return p.u32(off + 4 * (proto == IpProtocol.ESP.number() ? 0 : 1));
        }
        if (proto == IpProtocol.IPCOMP.number()) {
            need(p, off + 4, "IPComp");
            return p.u16(off + 2);
        }
        return -1;
    }

    /** Walks the packet if it was not yet; refuses one that does not parse and an IPv4 fragment. */
    static void validate(Packet p) throws XformException {
        try {
            if (!p.parsed()) {
                p.parse();
            }
        } catch (IllegalArgumentException e) {
            throw new XformException(XformFailure.BAD_PACKET, e.getMessage());
        }
        if (p.version() == 4 && (p.u16(6) & 0x3fff) != 0) {
            throw new XformException(XformFailure.BAD_PACKET, "IPv4 fragment (flags/offset 0x"
                    + Integer.toHexString(p.u16(6)) + "): reassemble first");
        }
    }

    private static void need(Packet p, int upTo, String what) throws XformException {
        if (upTo > p.end()) {
            throw new XformException(XformFailure.TOO_SHORT, what + " header at offset " + p.upperOffset()
                    + " is cut off: the packet ends at " + p.end());
        }
    }

    static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }
}
