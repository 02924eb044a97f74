package org.jsetkey.engine.link;

import java.util.Arrays;

/** A raw IP packet seen on the link, for taps (tcpdump, pcap, scripts). */
public record LinkPacket(long timeMicros, LinkDirection direction, byte[] bytes) {
    public LinkPacket {
        bytes = bytes.clone();
    }

    /** The wall clock in microseconds, as tcpdump stamps packets (one reading; microseconds on Linux). */
    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** True for the hosts' own messages (announcements, peer check): UDP to {@link ControlPackets#PORT}. */
    public boolean control() {
        return ControlPackets.isControl(bytes);
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkPacket p && p.timeMicros == timeMicros && p.direction == direction
                && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timeMicros) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "LinkPacket[" + direction + " " + bytes.length + " bytes]";
    }
}
