package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.Ipv4Header;

/** Router behaviour: TTL / hop limit decrement with the IPv4 header checksum updated. */
final class Forwarding {
    private Forwarding() {
    }

    /** A copy with TTL (hop limit) one less, or null when it would reach zero. */
    static byte[] decrementTtl(byte[] ip) {
        byte[] out = ip.clone();
        boolean v6 = (out[0] & 0xf0) == 0x60;
        int ttlOffset = v6 ? 7 : 8;
        int ttl = out[ttlOffset] & 0xff;
        if (ttl <= 1) {
            return null;
        }
        out[ttlOffset] = (byte) (ttl - 1);
        if (!v6) {
            Ipv4Header.fixChecksum(out);
        }
        return out;
    }
}
