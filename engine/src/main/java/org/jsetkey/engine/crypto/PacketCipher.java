package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

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
    default int tagBytes() {
        return 0;
    }

    /** RFC 4543 GMAC: nothing is encrypted, everything is AAD. */
    default boolean authOnly() {
        return false;
    }

    /** Counter-based IVs must never repeat; CBC IVs must be unpredictable (random). */
    default boolean counterIv() {
        return false;
    }

    byte[] encrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) throws GeneralSecurityException;

    /** Throws {@link javax.crypto.AEADBadTagException} when an AEAD tag does not verify. */
    byte[] decrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) throws GeneralSecurityException;

    /**
     * Encrypts {@code buf[off..off+len)} in place; an AEAD tag goes right behind it (the caller
     * leaves room). The AAD is {@code buf[aadOff..aadOff+aadLen)}, ignored without a tag. This is
     * the datapath's form: no array is made per packet where the implementation allows.
     */
    default void encryptInPlace(byte[] iv, byte[] buf, int aadOff, int aadLen, int off, int len)
            throws GeneralSecurityException {
        byte[] aad = tagBytes() > 0 ? Arrays.copyOfRange(buf, aadOff, aadOff + aadLen) : null;
        byte[] ct = encrypt(iv, aad, buf, off, len);
        System.arraycopy(ct, 0, buf, off, ct.length);
    }

    /**
     * Decrypts {@code in[off..off+len)} (AEAD: verifies and strips the tag) into {@code out} at
     * {@code outOff}, which must not overlap the input, and returns the plaintext length.
     */
    default int decryptInto(byte[] iv, byte[] in, int aadOff, int aadLen, int off, int len, byte[] out, int outOff)
            throws GeneralSecurityException {
        byte[] aad = tagBytes() > 0 ? Arrays.copyOfRange(in, aadOff, aadOff + aadLen) : null;
        byte[] plain = decrypt(iv, aad, in, off, len);
        System.arraycopy(plain, 0, out, outOff, plain.length);
        return plain.length;
    }

    /**
     * Encrypts {@code a[aOff..+aLen)} followed by {@code b[bOff..+bLen)} into {@code out} at
     * {@code outOff} (AEAD: the tag behind), the AAD being {@code out[aadOff..+aadLen)}; the inputs
     * must not overlap the output. ESP's seal: the payload read where it lies, the trailer behind it.
     */
    default void encryptTo(byte[] iv, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, byte[] out,
                           int outOff, int aadOff, int aadLen) throws GeneralSecurityException {
        System.arraycopy(a, aOff, out, outOff, aLen);
        System.arraycopy(b, bOff, out, outOff + aLen, bLen);
        encryptInPlace(iv, out, aadOff, aadLen, outOff, aLen + bLen);
    }
}
