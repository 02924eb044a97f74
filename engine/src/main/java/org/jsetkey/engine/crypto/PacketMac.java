package org.jsetkey.engine.crypto;

/**
 * A keyed integrity function for one SA, keyed once. {@link #icv} returns the value carried
 * in the packet (already truncated). Implementations are safe for concurrent use.
 */
public interface PacketMac {
    /** Bytes placed in AH/ESP (0 for null). */
    int icvBytes();

    byte[] icv(byte[] data, int off, int len);
}
