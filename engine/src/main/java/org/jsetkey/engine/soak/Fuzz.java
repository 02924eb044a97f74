package org.jsetkey.engine.soak;

import java.util.Arrays;
import java.util.Random;

import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.PacketView;

/**
 * Forged variants of a real ESP/IPv4 packet that was already sent and received: each must be
 * dropped and counted by the receiver (or refused by its link as malformed), never delivered.
 */
enum Fuzz {
    /** The packet again, byte for byte: the replay window refuses it. */
    REPLAY,
    /** One bit flipped anywhere: bad header checksum, unknown SPI, replay or ICV mismatch. */
    BIT_FLIP,
    /** Cut short at a random length. */
    TRUNCATE,
    /** An IPv4 total length that is not the datagram's, with a correct header checksum. */
    LYING_LENGTH,
    /** A random SPI. */
    BOGUS_SPI,
    /** Random bytes of a random length. */
    GARBAGE;

    byte[] apply(byte[] packet, Random random) {
        byte[] p = packet.clone();
        switch (this) {
            case REPLAY -> {
                return p;
            }
            case BIT_FLIP -> p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
            case TRUNCATE -> {
                return Arrays.copyOf(p, random.nextInt(p.length));
            }
            case LYING_LENGTH -> {
                int length = p.length;
                while (length == p.length) {
                    length = random.nextInt(0x10000);
                }
                p[2] = (byte) (length >> 8);
                p[3] = (byte) length;
                Ipv4Header.fixChecksum(p);
            }
            case BOGUS_SPI -> {
                int ihl = PacketView.ipv4HeaderLength(p);
                for (int i = 0; i < 4; i++) {
                    p[ihl + i] = (byte) random.nextInt(256);
                }
            }
            case GARBAGE -> {
                byte[] g = new byte[1 + random.nextInt(p.length)];
                random.nextBytes(g);
                return g;
            }
        }
        return p;
    }
}
