package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ESP ciphers the JDK does fast: AES-CBC, AES-CTR (RFC 3686), AES-GCM
 * (RFC 4106), AES-GMAC (RFC 4543) and ChaCha20-Poly1305 (RFC 7634). One {@link Cipher} per
 * direction per SA; the JDK keeps the expanded key when re-initialised with the same key.
 */
final class JceCipher implements PacketCipher {
    enum Mode { CBC, CTR, GCM, GMAC, CHACHA }

    private static final int TAG = 16;
    private final Mode mode;
    private final SecretKeySpec key;
    private final int blockBytes;
    private final Cipher enc;
    private final Cipher dec;
    private final byte[] encBlock;
    private final byte[] decBlock;

    JceCipher(Mode mode, String keyAlg, String transformation, byte[] keyBytes, int saltBytes, int blockBytes)
            throws GeneralSecurityException {
        this.mode = mode;
        int keyLen = keyBytes.length - saltBytes;
        this.key = new SecretKeySpec(keyBytes, 0, keyLen, keyAlg);
        byte[] salt = java.util.Arrays.copyOfRange(keyBytes, keyLen, keyBytes.length);
        this.blockBytes = blockBytes;
        this.enc = Cipher.getInstance(transformation);
        this.dec = Cipher.getInstance(transformation);
        this.encBlock = counterBlock(salt);
        this.decBlock = counterBlock(salt);
    }

    /** AES-CBC (or another JDK block cipher), tried once so a bad key fails now, not on the first packet. */
    static PacketCipher cbc(String keyAlg, byte[] key, int block) throws GeneralSecurityException {
        JceCipher c = new JceCipher(Mode.CBC, keyAlg, keyAlg + "/CBC/NoPadding", key, 0, block);
        c.encrypt(new byte[block], null, new byte[block], 0, block);
        return c;
    }

    @Override
    public int ivBytes() {
        return mode == Mode.CBC ? blockBytes : 8;
    }

    @Override
    public int blockBytes() {
        return mode == Mode.CBC ? blockBytes : 1;
    }

    @Override
    public int tagBytes() {
        return mode == Mode.GCM || mode == Mode.GMAC || mode == Mode.CHACHA ? TAG : 0;
    }

    @Override
    public boolean authOnly() {
        return mode == Mode.GMAC;
    }

    @Override
    public boolean counterIv() {
        return mode != Mode.CBC;
    }

    /**
     * The parameters for one packet. A counter mode's nonce or counter block is salt + IV, built in
     * the direction's own array (the caller holds its lock; the spec takes a copy).
     */
    private AlgorithmParameterSpec params(byte[] iv, byte[] counterBlock) {
        if (mode == Mode.CBC) {
            return new IvParameterSpec(iv);
        }
        System.arraycopy(iv, 0, counterBlock, 4, 8);
        if (mode == Mode.CTR) {
            return new IvParameterSpec(counterBlock);
        }
        if (mode == Mode.CHACHA) {
            return new IvParameterSpec(counterBlock, 0, 12);
        }
        return new GCMParameterSpec(TAG * 8, counterBlock, 0, 12);
    }

    /** Salt, room for the IV, and (RFC 3686's initial block counter) 1 in the last byte. */
    private static byte[] counterBlock(byte[] salt) {
        byte[] block = new byte[16];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[15] = 1;
        return block;
    }

    @Override
    public byte[] encrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) throws GeneralSecurityException {
        synchronized (enc) {
            return start(enc, Cipher.ENCRYPT_MODE, iv, aad, 0, aad == null ? 0 : aad.length).doFinal(in, off, len);
        }
    }

    @Override
    public byte[] decrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) throws GeneralSecurityException {
        synchronized (dec) {
            return start(dec, Cipher.DECRYPT_MODE, iv, aad, 0, aad == null ? 0 : aad.length).doFinal(in, off, len);
        }
    }

    @Override
    public void encryptInPlace(byte[] iv, byte[] buf, int aadOff, int aadLen, int off, int len)
            throws GeneralSecurityException {
        synchronized (enc) {
            start(enc, Cipher.ENCRYPT_MODE, iv, buf, aadOff, aadLen);
            if (tagBytes() > 0) {
                // GCM and ChaCha20-Poly1305 encrypt in place at one offset without a copy
                enc.doFinal(buf, off, len, buf, off);
                return;
            }
            // the JDK's CBC/CTR copies the input of an in-place call into a new array (and clears it):
            // through this thread's array instead
            byte[] tmp = SCRATCH.get();
            if (tmp.length < len) {
                tmp = new byte[len];
                SCRATCH.set(tmp);
            }
            int n = enc.doFinal(buf, off, len, tmp, 0);
            System.arraycopy(tmp, 0, buf, off, n);
        }
    }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[2048]);

    @Override
    public int decryptInto(byte[] iv, byte[] in, int aadOff, int aadLen, int off, int len, byte[] out, int outOff)
            throws GeneralSecurityException {
        synchronized (dec) {
            return start(dec, Cipher.DECRYPT_MODE, iv, in, aadOff, aadLen).doFinal(in, off, len, out, outOff);
        }
    }

    @Override
    public void encryptTo(byte[] iv, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, byte[] out,
                          int outOff, int aadOff, int aadLen) throws GeneralSecurityException {
        synchronized (enc) {
            start(enc, Cipher.ENCRYPT_MODE, iv, out, aadOff, aadLen);
            // separate arrays: the JDK copies the input first when GCM works in place
            int n = enc.update(a, aOff, aLen, out, outOff);
            enc.doFinal(b, bOff, bLen, out, outOff + n);
        }
    }

    /** {@code c} set up for one packet: keyed with its IV, and fed the AAD when the mode has a tag. */
    private Cipher start(Cipher c, int opmode, byte[] iv, byte[] aad, int aadOff, int aadLen)
            throws GeneralSecurityException {
        c.init(opmode, key, params(iv, c == enc ? encBlock : decBlock));
        if (tagBytes() > 0 && aad != null) {
            c.updateAAD(aad, aadOff, aadLen);
        }
        return c;
    }
}
