package org.jsetkey.engine.xform;

import java.util.Arrays;

/**
 * The result of {@link Xform#open}: the packet with the header removed (in tunnel mode the inner
 * packet), whether it was tunnel mode, and the sequence number it carried (0 for IPComp and -old SAs).
 *
 * <p>Not a record that copies its array in and out: the packet is made fresh by {@code open} for
 * its caller alone, and the input path hands it on, so the caller owns it (two copies per packet
 * saved on the datapath).
 */
public final class Opened {
    private final byte[] packet;
    private final boolean tunnel;
    private final long sequence;

    /** @param packet owned by the new instance from now on (not copied) */
    public Opened(byte[] packet, boolean tunnel, long sequence) {
        this.packet = packet;
        this.tunnel = tunnel;
        this.sequence = sequence;
    }

    /** The packet itself (not a copy): the caller owns it. */
    public byte[] packet() {
        return packet;
    }

    public boolean tunnel() {
        return tunnel;
    }

    public long sequence() {
        return sequence;
    }

    /** The length of {@link #packet()}, without copying it. */
    public int length() {
        return packet.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Opened p && Arrays.equals(packet, p.packet) && tunnel == p.tunnel
                && sequence == p.sequence;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packet) * 31 + Boolean.hashCode(tunnel) + Long.hashCode(sequence);
    }

    @Override
    public String toString() {
        return "Opened[" + packet.length + " bytes, tunnel=" + tunnel + ", seq=" + sequence + "]";
    }
}
