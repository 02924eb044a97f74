package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketView;

/** ECN at tunnel decapsulation (net.inet.ipsec.ecn): the outer header's congestion mark reaches the inner packet. */
final class Ecn {
    private Ecn() {
    }

    /** Sets the inner packet's ECN field from the outer header's, in place. */
    static void decapsulate(Packet outer, Packet inner, Tunables knobs) throws XformException {
        if (inner.length() < 2) {
            return;
        }
        boolean v4 = (inner.u8(0) & 0xf0) == 0x40;
        int innerTos = v4 ? inner.u8(1) : trafficClass(inner);
        int outerTos = (outer.u8(0) & 0xf0) == 0x40 ? outer.u8(1) : trafficClass(outer);
        int tos = knobs.innerTosAfterDecap(outerTos, innerTos);
        if (tos < 0) {
            throw new XformException(XformFailure.BAD_TUNNEL, "outer header marked CE (congestion) over an inner "
                    + "packet that is not ECN-capable: dropped as RFC 6040 says (net.inet.ipsec.ecn=1)");
        }
        if (tos == innerTos) {
            return;
        }
        byte[] b = inner.buffer();
        int o = inner.offset();
        if (v4) {
            b[o + 1] = (byte) tos;
            if (inner.length() >= Math.max(Ipv4Header.MIN_LENGTH, PacketView.ipv4HeaderLength(b[o]))) {
                Ipv4Header.fixChecksum(b, o);
            }
        } else {
            b[o] = (byte) ((b[o] & 0xf0) | (tos >> 4));
            b[o + 1] = (byte) ((b[o + 1] & 0x0f) | ((tos & 0x0f) << 4));
        }
    }

    private static int trafficClass(Packet ip) {
        return ((ip.u8(0) & 0x0f) << 4) | ((ip.u8(1) & 0xf0) >> 4);
    }
}
