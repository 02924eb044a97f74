package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.spd.Flow;

/** What the SPD sees of a packet: addresses, upper protocol and ports (ICMP: type and code). */
final class Flows {
    private Flows() {
    }

    /** Read from the packet's parse (walked now if it was not yet). @throws IllegalArgumentException when it cannot be parsed */
    static Flow of(Packet ip) {
        return new Flow(ip.source(), ip.destination(), ip.protocol(), ip.sourcePort(), ip.destinationPort());
    }
}
