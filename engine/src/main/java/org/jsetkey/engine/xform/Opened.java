package org.jsetkey.engine.xform;

import java.util.Arrays;

/**
 * The result of {@link Xform#open}: the packet with the header removed (in tunnel mode the inner
 * packet), whether it was tunnel mode, and the sequence number it carried (0 for IPComp and -old SAs).
 */
public record Opened(byte[] packet, boolean tunnel, long sequence) {
    public Opened {
        packet = packet.clone();
    }

    @Override
    public byte[] packet() {
        return packet.clone();
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
