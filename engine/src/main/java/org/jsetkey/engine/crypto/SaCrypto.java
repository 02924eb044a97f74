package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.TwofishEngine;

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
        long v = ivCounter.incrementAndGet();
        byte[] iv = new byte[8];
        for (int i = 7; i >= 0; i--) {
            iv[i] = (byte) v;
            v >>>= 8;
        }
        return iv;
    }

    public static PacketMac mac(Algorithm alg, byte[] key, boolean old) throws NoTransformException {
        int icv = old ? alg.oldIcvBytes() : alg.icvBytes();
        byte[] k = key == null ? new byte[0] : key;
        try {
            switch (alg.name()) {
                case "hmac-md5":
                    return new JceHmac("HmacMD5", k, icv);
                case "hmac-sha1":
                    return new JceHmac("HmacSHA1", k, icv);
                case "hmac-sha2-256":
                    return new JceHmac("HmacSHA256", k, icv);
                case "hmac-sha2-384":
                    return new JceHmac("HmacSHA384", k, icv);
                case "hmac-sha2-512":
                    return new JceHmac("HmacSHA512", k, icv);
                case "hmac-ripemd160":
                    return new BcHmac(new RIPEMD160Digest(), k, icv);
                case "aes-xcbc-mac":
                    return new XcbcMac(k, icv);
                case "keyed-md5":
                    return new KeyedDigest("MD5", k, icv);
                case "keyed-sha1":
                    return new KeyedDigest("SHA-1", k, icv);
                case "null":
                    return new NullMac();
                default:
                    throw new NoTransformException("no transform for " + alg.name());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoTransformException(alg.name() + " refuses the key: " + e.getMessage(), e);
        }
    }

    public static PacketCipher cipher(Algorithm alg, byte[] key) throws NoTransformException {
        byte[] k = key == null ? new byte[0] : key;
        try {
            switch (alg.name()) {
                case "null":
                case "simple":
                    return new NullCipher();
                case "des-cbc":
                case "des-deriv":
                case "des-32iv":
                    return new BcCbcCipher(new DESEngine(), new DESEngine(), k);
                case "3des-cbc":
                    return new BcCbcCipher(new DESedeEngine(), new DESedeEngine(), k);
                case "blowfish-cbc":
                    // the JDK re-runs Blowfish's costly key schedule on every Cipher.init: keep one engine per SA
                    return new BcCbcCipher(new BlowfishEngine(), new BlowfishEngine(), k);
                case "rijndael-cbc":
                    return cbc("AES", k, 16);
                case "cast128-cbc":
                    return new BcCbcCipher(new CAST5Engine(), new CAST5Engine(), k);
                case "twofish-cbc":
                    return new BcCbcCipher(new TwofishEngine(), new TwofishEngine(), k);
                case "camellia-cbc":
                    return new BcCbcCipher(new CamelliaEngine(), new CamelliaEngine(), k);
                case "aes-ctr":
                    return new JceCipher(JceCipher.Mode.CTR, "AES", "AES/CTR/NoPadding", k, 4, 16);
                case "aes-gcm-16":
                    return new JceCipher(JceCipher.Mode.GCM, "AES", "AES/GCM/NoPadding", k, 4, 16);
                case "aes-gmac":
                    return new JceCipher(JceCipher.Mode.GMAC, "AES", "AES/GCM/NoPadding", k, 4, 16);
                case "chacha20-poly1305":
                    return new JceCipher(JceCipher.Mode.CHACHA, "ChaCha20", "ChaCha20-Poly1305", k, 4, 1);
                default:
                    throw new NoTransformException("no transform for " + alg.name());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoTransformException(alg.name() + " refuses the key: " + e.getMessage(), e);
        }
    }

    private static PacketCipher cbc(String keyAlg, byte[] key, int block) throws GeneralSecurityException {
        JceCipher c = new JceCipher(JceCipher.Mode.CBC, keyAlg, keyAlg + "/CBC/NoPadding", key, 0, block);
        c.encrypt(new byte[block], null, new byte[block], 0, block); // fail now, not on the first packet
        return c;
    }

    public static PacketCompressor compressor(Algorithm alg) throws NoTransformException {
        if (alg.name().equals("deflate")) {
            return new PacketCompressor(alg.sadbId());
        }
        throw new NoTransformException("no transform for " + alg.name());
    }
}
