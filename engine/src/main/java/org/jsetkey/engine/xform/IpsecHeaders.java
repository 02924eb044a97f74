package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.PacketView;

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
        IpView v = view(ip);
        int p = v.protocol();
        int off = v.offset();
        if (p == IpProtocol.ESP.number() || p == IpProtocol.AH.number()) {
            need(v, off + 8, p == IpProtocol.ESP.number() ? "ESP" : "AH");
            return new IpsecHeader(p, PacketView.u32(ip, off + 4 * (p == IpProtocol.ESP.number() ? 0 : 1)), off, v.fieldOffset());
        }
        if (p == IpProtocol.IPCOMP.number()) {
            need(v, off + 4, "IPComp");
            return new IpsecHeader(p, PacketView.u16(ip, off + 2), off, v.fieldOffset());
        }
        return null;
    }

    static IpView view(byte[] ip) throws XformException {
        IpView v;
        try {
            v = IpView.parse(ip);
        } catch (IllegalArgumentException e) {
            throw new XformException(XformFailure.BAD_PACKET, e.getMessage());
        }
        if (v.version() == 4 && (PacketView.u16(ip, 6) & 0x3fff) != 0) {
            throw new XformException(XformFailure.BAD_PACKET, "IPv4 fragment (flags/offset 0x"
                    + Integer.toHexString(PacketView.u16(ip, 6)) + "): reassemble first");
        }
        return v;
    }

    private static void need(IpView v, int upTo, String what) throws XformException {
        if (upTo > v.end()) {
            throw new XformException(XformFailure.TOO_SHORT, what + " header at offset " + v.offset()
                    + " is cut off: the packet ends at " + v.end());
        }
    }

    static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }
}
