package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;

/**
 * An ESP cipher for one SA, keyed once. For CBC/CTR modes {@code aad} is ignored and the result
 * has the input length; AEAD modes append (encrypt) or verify and strip (decrypt) a tag. The IV is
 * the per-packet IV as carried in ESP ({@link #ivBytes()} bytes; CBC: one block). Implementations
 * are safe for concurrent use.
 */
public interface PacketCipher {
    int ivBytes();

    /** Plaintext must be a multiple of this (1 for stream/counter modes). */
    int blockBytes();

    /** AEAD tag bytes, 0 for a plain cipher. */
    int tagBytes();

    /** RFC 4543 GMAC: nothing is encrypted, everything is AAD. */
    default boolean authOnly() {
        return false;
    }

    /** Counter-based IVs must never repeat; CBC IVs must be unpredictable (random). */
    boolean counterIv();

    byte[] encrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) throws GeneralSecurityException;

    /** Throws {@link javax.crypto.AEADBadTagException} when an AEAD tag does not verify. */
    byte[] decrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) throws GeneralSecurityException;
}
