package org.jsetkey.engine.stack;

import java.util.List;

/**
 * A packet the host accepted for itself, after every IPsec layer was removed and the
 * inbound policy allowed it.
 *
 * @param packet      the plain IP packet (for tunnel mode: the inner packet)
 * @param wire        the packet as it arrived on the link
 * @param protections the layers removed, outermost first
 */
public record Delivered(long timeMillis, byte[] packet, byte[] wire, List<Protection> protections) {
    public Delivered {
        packet = packet.clone();
        wire = wire.clone();
        protections = List.copyOf(protections);
    }

    @Override
    public byte[] packet() {
        return packet.clone();
    }

    @Override
    public byte[] wire() {
        return wire.clone();
    }
}
