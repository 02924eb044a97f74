package org.jsetkey.engine.xform;

import org.jsetkey.engine.net.Packet;

/**
 * The result of {@link Xform#open}: the packet with the header removed (in tunnel mode the inner
 * packet), whether it was tunnel mode, and the sequence number it carried (0 for IPComp and -old SAs).
 *
 * <p>The packet is the one the caller handed {@code open} to write into, not a copy: it stays
 * valid as long as the caller keeps that packet from reuse.
 */
public final class Opened {
    private final Packet packet;
    private final boolean tunnel;
    private final long sequence;

    Opened(Packet packet, boolean tunnel, long sequence) {
        this.packet = packet;
        this.tunnel = tunnel;
        this.sequence = sequence;
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
