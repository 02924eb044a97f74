package org.jsetkey.engine.nat;

import java.util.Objects;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;

/**
 * One source-NAT rule in pf's words, {@code nat on IF from SRC to any -> ADDR}: packets this
 * router forwards from SRC (to anywhere outside SRC) leave with source ADDR and, for UDP, TCP and
 * ICMP echo, a port (id) the NAT chooses. IPv4 only, as pf's nat is used in front of IPv4 sites.
 */
public record NatRule(String iface, Prefix from, IpAddress to) {
    public NatRule {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.address().isV4() || !to.isV4()) {
            throw new IllegalArgumentException("nat: IPv4 only");
        }
    }

    /** Whether this rule translates a packet from {@code src} to {@code dst}. */
    public boolean matches(IpAddress src, IpAddress dst) {
        return from.contains(src) && !from.contains(dst);
    }

    /** The pf.conf line. */
    public String format() {
        return "nat on " + iface + " from " + from.format() + " to any -> " + to.format();
    }

    @Override
    public String toString() {
        return format();
    }
}
