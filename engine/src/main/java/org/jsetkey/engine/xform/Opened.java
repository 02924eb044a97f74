package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.sad.SaEntry;

/**
 * The result of {@link Xform#open}: the packet with the header removed (in tunnel mode the inner
 * packet), whether it was tunnel mode, and the sequence number it carried (0 for IPComp and -old SAs).
 *
 * <p>The packet is the one the caller handed {@code open} to write into, not a copy: it stays
 * valid as long as the caller keeps that packet from reuse. A caller that opens packet after packet
 * hands in one result to fill ({@link Xform#open(Packet, SaEntry, Packet, Opened)}); each open
 * overwrites it.
 */
public final class Opened {
    private Packet packet;
    private boolean tunnel;
    private long sequence;

    /** An empty result for {@code open} to fill. */
    public Opened() {
    }

    Opened set(Packet packet, boolean tunnel, long sequence) {
        this.packet = packet;
        this.tunnel = tunnel;
        this.sequence = sequence;
        return this;
    }

    /** The opened packet in its buffer (not a copy). */
    public Packet view() {
        return packet;
    }

    /** A copy of the opened packet's bytes. */
    public byte[] packet() {
        return packet.toByteArray();
    }

    public boolean tunnel() {
        return tunnel;
    }

    public long sequence() {
        return sequence;
    }

    /** The length of the opened packet. */
    public int length() {
        return packet.length();
    }

    @Override
    public String toString() {
        return "Opened[" + packet.length() + " bytes, tunnel=" + tunnel + ", seq=" + sequence + "]";
    }
}
