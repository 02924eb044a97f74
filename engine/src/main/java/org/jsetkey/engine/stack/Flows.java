package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.spd.Flow;

/** What the SPD sees of a packet: addresses, upper protocol and ports (ICMP: type and code). */
final class Flows {
    private Flows() {
    }

    /** @throws IllegalArgumentException when the packet cannot be parsed */
    static Flow of(byte[] ip) {
        IpView v = IpView.parse(ip);
        int proto = v.protocol();
        int off = v.offset();
        int sport = 0;
        int dport = 0;
        if ((proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number()) && off + 4 <= v.end()) {
            sport = PacketView.u16(ip, off);
            dport = PacketView.u16(ip, off + 2);
        } else if ((proto == IpProtocol.ICMP.number() || proto == IpProtocol.ICMPV6.number()) && off + 2 <= v.end()) {
            sport = ip[off] & 0xff;
            dport = ip[off + 1] & 0xff;
        }
        return new Flow(IpPacket.source(ip), IpPacket.destination(ip), proto, sport, dport);
    }
}
