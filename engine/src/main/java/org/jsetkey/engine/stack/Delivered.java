package org.jsetkey.engine.stack;

import java.util.List;

import org.jsetkey.engine.net.Packet;

/**
 * A packet the host accepted for itself, after every IPsec layer was removed and the inbound
 * policy allowed it, handed to the delivery listeners while the input path holds its buffers.
 * {@link #packet()} and {@link #wire()} are copies, safe to keep; {@link #view()} is the packet in
 * its buffer, valid during the call only (the next packet reuses it); {@link #keep()} is a
 * Delivered that outlives the call.
 */
public final class Delivered {
    private final long timeMillis;
    private final Packet packet;
    private final Packet wire;
    private final List<Protection> protections;

    /**
     * @param packet      the plain IP packet (for tunnel mode: the inner packet)
     * @param wire        the packet as it arrived on the link
     * @param protections the layers removed, outermost first
     */
    public Delivered(long timeMillis, Packet packet, Packet wire, List<Protection> protections) {
        this.timeMillis = timeMillis;
        this.packet = packet;
        this.wire = wire;
        this.protections = List.copyOf(protections);
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** A copy of the plain IP packet. */
    public byte[] packet() {
        return packet.toByteArray();
    }

    /** A copy of the packet as it arrived. */
    public byte[] wire() {
        return wire.toByteArray();
    }

    /** The plain packet in the input path's buffer: read it during the call, copy what you keep. */
    public Packet view() {
        return packet;
    }

    public List<Protection> protections() {
        return protections;
    }

    /** The same delivery with its own copies of both packets, for a listener that keeps it. */
    public Delivered keep() {
        return new Delivered(timeMillis, packet.copy(), wire.copy(), protections);
    }

    @Override
    public String toString() {
        return "Delivered[" + packet.length() + " bytes, " + protections + "]";
    }
}
