package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The keyed crypto of one SA, built once from its algorithm rows and keys: the ESP cipher, the
 * AH/ESP MAC, the IPComp compressor (each null when the SA has none), and the counter that gives
 * counter-mode IVs (RFC 3686/4106/7634 want a unique 8-byte IV per packet under one key).
 */
public final class SaCrypto {
    private final PacketCipher cipher;
    private final PacketMac mac;
    private final PacketCompressor compressor;
    private final AtomicLong ivCounter = new AtomicLong();

    public SaCrypto(PacketCipher cipher, PacketMac mac, PacketCompressor compressor) {
        this.cipher = cipher;
        this.mac = mac;
        this.compressor = compressor;
    }

    /**
     * Builds the instances for an SA's algorithms.
     *
     * @param old ah-old/esp-old: full-length (old) ICVs
     * @throws NoTransformException for tcp-md5, lzs, oui, or a key the cipher refuses
     */
    public static SaCrypto build(Algorithm enc, byte[] encKey, Algorithm auth, byte[] authKey, Algorithm comp,
                                 boolean old) throws NoTransformException {
        return new SaCrypto(enc == null ? null : cipher(enc, encKey), auth == null ? null : mac(auth, authKey, old),
                comp == null ? null : compressor(comp));
    }

    public PacketCipher cipher() {
        return cipher;
    }

    public PacketMac mac() {
        return mac;
    }

    public PacketCompressor compressor() {
        return compressor;
    }

    /** The next counter-mode IV (1, 2, 3, ... as 8 bytes); never repeats for this SA. */
    public byte[] nextCounterIv() {
        byte[] iv = new byte[8];
        nextCounterIv(iv, 0);
        return iv;
    }

    /** The next counter-mode IV written as 8 bytes at {@code out[at..]}. */
    public void nextCounterIv(byte[] out, int at) {
        long v = ivCounter.incrementAndGet();
        for (int i = 7; i >= 0; i--) {
            out[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    public static PacketMac mac(Algorithm alg, byte[] key, boolean old) throws NoTransformException {
        Algorithms.MacMaker maker = Algorithms.macMaker(alg);
        if (maker == null) {
            throw new NoTransformException("no transform for " + alg.name());
        }
        try {
            return maker.make(key == null ? new byte[0] : key, old ? alg.oldIcvBytes() : alg.icvBytes());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoTransformException(alg.name() + " refuses the key: " + e.getMessage(), e);
        }
    }

    public static PacketCipher cipher(Algorithm alg, byte[] key) throws NoTransformException {
        Algorithms.CipherMaker maker = Algorithms.cipherMaker(alg);
        if (maker == null) {
            throw new NoTransformException("no transform for " + alg.name());
        }
        try {
            return maker.make(key == null ? new byte[0] : key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoTransformException(alg.name() + " refuses the key: " + e.getMessage(), e);
        }
    }

    public static PacketCompressor compressor(Algorithm alg) throws NoTransformException {
        IntFunction<PacketCompressor> maker = Algorithms.compressorMaker(alg);
        if (maker == null) {
            throw new NoTransformException("no transform for " + alg.name());
        }
        return maker.apply(alg.sadbId());
    }
}
