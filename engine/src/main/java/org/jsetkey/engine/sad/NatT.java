package org.jsetkey.engine.sad;

import java.util.Objects;

import org.jsetkey.engine.net.IpAddress;

/**
 * NAT traversal of an ESP SA (RFC 3948, UDP_ENCAP_ESPINUDP): the UDP ports the ESP packets
 * travel in and, when known, the NAT original addresses, which the transport-mode checksum
 * fix-up of RFC 3948 §3.1.2 needs. ipsec-tools' {@code esp-udp ADDR} gives the initiator's only;
 * FreeBSD's {@code -natt OAI[sport] OAR[dport]} gives both, and {@code -natt_mtu} the fragment size.
 *
 * @param originalAddress   the initiator's original address (OAI), null when none was given
 * @param originalResponder the responder's original address (OAR), null when none was given
 * @param fragmentSize      FreeBSD's {@code -natt_mtu} (SADB_X_EXT_NAT_T_FRAG), 0 when not given
 */
public record NatT(int sport, int dport, IpAddress originalAddress, IpAddress originalResponder, int fragmentSize) {
    /** The IKE NAT-T port (RFC 3947), the default of both ports. */
    public static final int PORT = 4500;

    public NatT {
        checkPort(sport);
        checkPort(dport);
        if (fragmentSize < 0 || fragmentSize > 65535) {
            throw new IllegalArgumentException("NAT-T fragment size: " + fragmentSize + " (expected: 0-65535)");
        }
    }

    /** An esp-udp SA with at most the initiator's original address. */
    public NatT(int sport, int dport, IpAddress originalAddress) {
        this(sport, dport, originalAddress, null, 0);
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("NAT-T port: " + port + " (expected: 1-65535)");
        }
    }

    /** The same encapsulation sending to another peer port (the one a NAT chose). */
    public NatT withDport(int port) {
        return new NatT(sport, port, originalAddress, originalResponder, fragmentSize);
    }

    /** The same encapsulation with another source port (the one a peer's packets came from). */
    public NatT withSport(int port) {
        return new NatT(port, dport, originalAddress, originalResponder, fragmentSize);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NatT n && n.sport == sport && n.dport == dport && n.fragmentSize == fragmentSize
                && Objects.equals(n.originalAddress, originalAddress)
                && Objects.equals(n.originalResponder, originalResponder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sport, dport, originalAddress, originalResponder, fragmentSize);
    }
}
