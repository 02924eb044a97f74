package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.InternetChecksum;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.PacketView;

/**
 * RFC 3948 §3.1.2: after transport-mode ESP from behind a NAT is opened, the TCP/UDP checksum
 * inside still covers the sender's original address, not the one the NAT put in the IP header.
 * What to do is FreeBSD's {@code net.inet.ipsec.natt_cksum_policy}: 0 incremental update from the
 * NAT original address (nothing when none is known), 1 full recompute, 2 (any other) UDP
 * checksum zeroed and TCP left as it is.
 */
public final class NatTChecksum {
    private NatTChecksum() {
    }

    /** Fixes the checksum of the TCP/UDP segment in {@code ip} in place; anything else is left alone. */
    public static void adjust(byte[] ip, IpAddress originalSource, int policy) {
        IpView v;
        try {
            v = IpView.parse(ip);
        } catch (IllegalArgumentException e) {
            return;
        }
        boolean udp = v.protocol() == IpProtocol.UDP.number();
        if (!udp && v.protocol() != IpProtocol.TCP.number()) {
            return;
        }
        int field = v.offset() + (udp ? 6 : 16);
        int length = v.end() - v.offset();
        if (field + 2 > v.end()) {
            return;
        }
        int stored = PacketView.u16(ip, field);
        IpAddress src = IpPacket.source(ip);
        int sum;
        if (policy == 0) {
            if (originalSource == null || !originalSource.sameFamily(src) || udp && stored == 0) {
                return;
            }
            // RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), m the original address, m' the one now in the header
            long s = ~stored & 0xffff;
            s = addComplemented(s, originalSource.bytes());
            s = InternetChecksum.add(s, src.bytes(), 0, src.bytes().length);
            sum = InternetChecksum.finish(s);
        } else if (policy == 1) {
            ip[field] = 0;
            ip[field + 1] = 0;
            long s = InternetChecksum.pseudoHeader(src, IpPacket.destination(ip), v.protocol(), length);
            sum = InternetChecksum.finish(InternetChecksum.add(s, ip, v.offset(), length));
        } else {
            if (!udp) {
                return;
            }
            sum = 0;
        }
        if (udp && sum == 0 && policy <= 1) {
            sum = 0xffff;
        }
        ip[field] = (byte) (sum >> 8);
        ip[field + 1] = (byte) sum;
    }

    private static long addComplemented(long sum, byte[] b) {
        for (int i = 0; i + 1 < b.length; i += 2) {
            sum += ~(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)) & 0xffff;
        }
        return sum;
    }
}
