package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.PacketView;

/** ECN at tunnel decapsulation (net.inet.ipsec.ecn): the outer header's congestion mark reaches the inner packet. */
final class Ecn {
    private Ecn() {
    }

    static Opened decapsulate(byte[] outer, Opened opened, Tunables knobs) throws XformException {
        byte[] inner = opened.packet();
        if (inner.length < 2) {
            return opened;
        }
        boolean v4 = (inner[0] & 0xf0) == 0x40;
        int innerTos = v4 ? inner[1] & 0xff : trafficClass(inner);
        int outerTos = (outer[0] & 0xf0) == 0x40 ? outer[1] & 0xff : trafficClass(outer);
        int tos = knobs.innerTosAfterDecap(outerTos, innerTos);
        if (tos < 0) {
            throw new XformException(XformFailure.BAD_TUNNEL, "outer header marked CE (congestion) over an inner "
                    + "packet that is not ECN-capable: dropped as RFC 6040 says (net.inet.ipsec.ecn=1)");
        }
        if (tos == innerTos) {
            return opened;
        }
        if (v4) {
            inner[1] = (byte) tos;
            if (inner.length >= Math.max(Ipv4Header.MIN_LENGTH, PacketView.ipv4HeaderLength(inner))) {
                Ipv4Header.fixChecksum(inner);
            }
        } else {
            inner[0] = (byte) ((inner[0] & 0xf0) | (tos >> 4));
            inner[1] = (byte) ((inner[1] & 0x0f) | ((tos & 0x0f) << 4));
        }
        return new Opened(inner, true, opened.sequence());
    }

    private static int trafficClass(byte[] ip) {
        return ((ip[0] & 0x0f) << 4) | ((ip[1] & 0xf0) >> 4);
    }
}
