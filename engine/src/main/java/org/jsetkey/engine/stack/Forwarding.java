package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.Packet;

/** Router behaviour: TTL / hop limit decrement with the IPv4 header checksum updated. */
final class Forwarding {
    private Forwarding() {
    }

    /** Takes one from the TTL (hop limit) in place; false, the packet untouched, when it would reach zero. */
    static boolean decrementTtl(Packet ip) {
        boolean v6 = (ip.u8(0) & 0xf0) == 0x60;
        int ttlOffset = v6 ? 7 : 8;
        int ttl = ip.u8(ttlOffset);
        if (ttl <= 1) {
            return false;
        }
        ip.buffer()[ip.offset() + ttlOffset] = (byte) (ttl - 1);
        if (!v6) {
            Ipv4Header.fixChecksum(ip.buffer(), ip.offset());
        }
        return true;
    }
}
