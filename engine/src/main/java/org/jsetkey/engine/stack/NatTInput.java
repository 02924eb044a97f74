package org.jsetkey.engine.stack;

import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SpiLookup;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.xform.UdpEncap;

/**
 * The receiving end of RFC 3948 on a host: which UDP datagrams are ESP in UDP, keepalives or
 * IKE's (non-ESP marker), and following a peer whose NAT chose another port. A datagram is
 * NAT-T's when it goes to port 4500 (where an IKE daemon's UDP_ENCAP socket listens), or when its
 * first four bytes are the SPI of an esp-udp SA of this host that receives on that port.
 */
final class NatTInput {
    /** What became of a UDP datagram. */
    sealed interface Outcome permits Verdict, Decap {
    }

    enum Verdict implements Outcome {
        /** Not NAT-T's: the datagram goes on as plain UDP. */
        PASS,
        /** Consumed (a keepalive) or dropped (already counted). */
        DROP,
        /** IKE's (non-ESP marker): to key management, whose socket bypasses IPsec policy. */
        KEY_MANAGEMENT
    }

    /** ESP taken out of UDP: the packet with the UDP header removed, and the ports it came with. */
    record Decap(byte[] packet, int sport, int dport) implements Outcome {
    }

    private final Datapath dp;

    NatTInput(Datapath dp) {
        this.dp = dp;
    }

    /**
     * What to do with the UDP datagram {@code p}: read where it lies until it is NAT-T's; only then
     * is it copied out to be checked and unwrapped.
     */
    Outcome receive(Packet p, boolean v6) {
        int at = p.upperOffset();
        if (p.end() - at < UdpHeader.LENGTH) {
            return Verdict.PASS;
        }
        int dport = p.u16(at + 2);
        if (dport != NatT.PORT) {
            int payload = p.offset() + at + UdpHeader.LENGTH;
            UdpEncap.Kind kind = UdpEncap.classify(p.buffer(), payload, p.end() - at - UdpHeader.LENGTH);
            if (kind != UdpEncap.Kind.ESP || !encapsulatingSa(p, PacketView.u32(p.buffer(), payload), dport)) {
                return Verdict.PASS;
            }
        }
        return natT(p.toByteArray(), p.view(), v6);
    }

    private Outcome natT(byte[] ip, IpView v, boolean v6) {
        int sport = PacketView.u16(ip, v.offset());
        int dport = PacketView.u16(ip, v.offset() + 2);
        UdpEncap.Kind kind = UdpEncap.classify(ip, v);
        if (PacketView.u16(ip, v.offset() + 4) != v.end() - v.offset()) {
            dp.drops().drop(DropReason.MALFORMED, v6, null, "UDP length " + PacketView.u16(ip, v.offset() + 4)
                    + " of a datagram to port " + dport + " does not match the " + (v.end() - v.offset())
                    + " bytes the IP header gives it", List.of());
            return Verdict.DROP;
        }
        switch (kind) {
            case KEEPALIVE:
                dp.natt().keepaliveReceived();
                return Verdict.DROP;
            case NON_ESP:
                dp.natt().nonEsp();
                return Verdict.KEY_MANAGEMENT;
            case TOO_SHORT:
                return Verdict.PASS;
            default:
                break;
        }
        if (!UdpEncap.checksumOk(ip, v)) {
            dp.drops().drop(DropReason.BAD_UDP_CHECKSUM, v6, SaType.ESP, "bad UDP checksum 0x"
                    + Integer.toHexString(PacketView.u16(ip, v.offset() + 6)) + " on ESP in UDP "
                    + IpPacket.source(ip) + "." + sport + " > " + IpPacket.destination(ip) + "." + dport, List.of());
            return Verdict.DROP;
        }
        dp.natt().decapsulated();
        return new Decap(UdpEncap.unwrap(ip, v), sport, dport);
    }

    private boolean encapsulatingSa(Packet p, long spi, int dport) {
        SaEntry sa = SpiLookup.inbound(dp.sad(), p.destination(), SaType.ESP, spi);
        return sa != null && sa.natT() != null && sa.natT().dport() == dport;
    }

    /**
     * The peer's datagram came from {@code sport}: when its NAT chose another port than the SA
     * says, the inbound SA and the SAs back to that peer follow it, as IKE would have them do.
     */
    void follow(SaEntry inbound, int sport) {
        NatT n = inbound.natT();
        if (n == null || n.sport() == sport) {
            return;
        }
        inbound.natT(n.withSport(sport));
        IpAddress peer = inbound.sa().src();
        IpAddress self = inbound.sa().dst();
        for (SaEntry back : dp.sad().toDestination(peer, SaType.ESP)) {
            if (back.sa().src().equals(self) && back.natT() != null) {
                back.natT(back.natT().withDport(sport));
            }
        }
        dp.natt().portChange();
    }
}
