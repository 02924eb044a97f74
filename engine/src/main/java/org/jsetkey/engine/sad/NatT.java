package org.jsetkey.engine.sad;

import java.util.Objects;

import org.jsetkey.engine.net.IpAddress;

/**
 * NAT traversal of an ESP SA (RFC 3948, UDP_ENCAP_ESPINUDP): the UDP ports the ESP packets
 * travel in and, when known, the NAT original address (setkey's {@code esp-udp ADDR}), which
 * the transport-mode checksum fix-up of RFC 3948 §3.1.2 needs.
 *
 * @param originalAddress null when none was given
 */
public record NatT(int sport, int dport, IpAddress originalAddress) {
    /** The IKE NAT-T port (RFC 3947), the default of both ports. */
    public static final int PORT = 4500;

    public NatT {
        checkPort(sport);
        checkPort(dport);
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("NAT-T port: " + port + " (expected: 1-65535)");
        }
    }

    /** The same encapsulation sending to another peer port (the one a NAT chose). */
    public NatT withDport(int port) {
        return new NatT(sport, port, originalAddress);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NatT n && n.sport == sport && n.dport == dport
                && Objects.equals(n.originalAddress, originalAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sport, dport, originalAddress);
    }
}
