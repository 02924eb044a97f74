package org.jsetkey.engine.stack;

import java.util.List;

import org.jsetkey.engine.net.Packet;

/**
 * A packet the host accepted for itself, after every IPsec layer was removed and the inbound
 * policy allowed it, handed to the delivery listeners while the input path holds its buffers.
 * {@link #packet()} and {@link #wire()} return copies; {@link #view()} is the packet in its buffer.
 * The input path's Delivered is valid during the call only (the thread's next packet fills it
 * again); {@link #keep()} is a Delivered that outlives the call.
 */
public final class Delivered {
    private long timeMillis;
    private Packet packet;
    private Packet wire;
    private List<Protection> protections;
    /** The input path's layers, made into {@link #protections} when first asked. */
    private LayerTrail trail;

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

    /** The input path's: filled by {@link #fill} for each packet. */
    Delivered() {
    }

    Delivered fill(long timeMillis, Packet packet, Packet wire, LayerTrail trail) {
        this.timeMillis = timeMillis;
        this.packet = packet;
        this.wire = wire;
        this.trail = trail;
        this.protections = null;
        return this;
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

    /** The layers removed, outermost first: a list that may be kept. */
    public List<Protection> protections() {
        if (protections == null) {
            protections = trail.toList();
        }
        return protections;
    }

    /** The same delivery with its own copies of both packets, for a listener that keeps it. */
    public Delivered keep() {
        return new Delivered(timeMillis, packet.copy(), wire.copy(), protections());
    }

    @Override
    public String toString() {
        return "Delivered[" + packet.length() + " bytes, " + protections() + "]";
    }
}
