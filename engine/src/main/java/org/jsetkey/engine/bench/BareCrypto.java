package org.jsetkey.engine.bench;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The limit each datapath suite is measured against: the bare JCE/Bouncy Castle cipher and MAC
 * sealing and opening the same number of bytes with a fresh IV per packet, into buffers made
 * once. Nothing ESP-specific (no headers, SA, replay window, padding, copies into a packet).
 */
final class BareCrypto {
    private static final int ESP_HEADER = 8;

    private BareCrypto() {
    }

    /** AES-GCM or ChaCha20-Poly1305: 12-byte nonce (salt + counter), the ESP header as AAD, 16-byte tag. */
    static Interleaved.Op aead(String transformation, String keyAlg, int keyBytes, int plainBytes) throws Exception {
        SecretKeySpec key = new SecretKeySpec(bytes(keyBytes, 1), keyAlg);
        Cipher enc = Cipher.getInstance(transformation);
        Cipher dec = Cipher.getInstance(transformation);
        boolean gcm = transformation.startsWith("AES");
        byte[] aad = bytes(ESP_HEADER, 2);
        byte[] plain = bytes(plainBytes, 3);
        byte[] sealed = new byte[plainBytes + 16];
        byte[] opened = new byte[plainBytes];
        byte[] nonce = new byte[12];
        long[] counter = {0};
        return () -> {
            put64(nonce, 4, ++counter[0]);
            enc.init(Cipher.ENCRYPT_MODE, key, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
            enc.updateAAD(aad);
            enc.doFinal(plain, 0, plain.length, sealed, 0);
            dec.init(Cipher.DECRYPT_MODE, key, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
            dec.updateAAD(aad);
            dec.doFinal(sealed, 0, sealed.length, opened, 0);
        };
    }

    /**
     * AES-CBC (random IV) or AES-CTR (counter block) with an HMAC over header, IV and ciphertext,
     * truncated to {@code icvBytes} and checked before decrypting, as ESP does.
     */
    static Interleaved.Op aesThenMac(boolean cbc, int keyBytes, String macAlg, int macKeyBytes, int icvBytes,
                                     int plainBytes) throws Exception {
        String transformation = cbc ? "AES/CBC/NoPadding" : "AES/CTR/NoPadding";
        SecretKeySpec key = new SecretKeySpec(bytes(keyBytes, 1), "AES");
        Cipher enc = Cipher.getInstance(transformation);
        Cipher dec = Cipher.getInstance(transformation);
        Mac mac = Mac.getInstance(macAlg);
        mac.init(new SecretKeySpec(bytes(macKeyBytes, 4), macAlg));
        SecureRandom random = new SecureRandom();
        int ivBytes = cbc ? 16 : 8;
        byte[] header = bytes(ESP_HEADER + ivBytes, 2);
        byte[] plain = bytes(plainBytes, 3);
        byte[] sealed = new byte[plainBytes];
        byte[] opened = new byte[plainBytes];
        byte[] block = new byte[16];
        block[15] = 1;
        byte[] iv = new byte[ivBytes];
        long[] counter = {0};
        return () -> {
            if (cbc) {
                random.nextBytes(iv);
                System.arraycopy(iv, 0, block, 0, 16);
            } else {
                put64(block, 4, ++counter[0]);
            }
            IvParameterSpec spec = new IvParameterSpec(block);
            enc.init(Cipher.ENCRYPT_MODE, key, spec);
            enc.doFinal(plain, 0, plain.length, sealed, 0);
            byte[] icv = icv(mac, header, sealed, icvBytes);
            if (!MessageDigest.isEqual(icv, icv(mac, header, sealed, icvBytes))) {
                throw new IllegalStateException("HMAC differs");
            }
            dec.init(Cipher.DECRYPT_MODE, key, spec);
            dec.doFinal(sealed, 0, sealed.length, opened, 0);
        };
    }

    /** A Bouncy Castle block engine in CBC (keyed once, random IV per packet) with a JCE HMAC. */
    static Interleaved.Op bcCbcThenMac(BlockCipher encEngine, BlockCipher decEngine, int keyBytes, String macAlg,
                                       int macKeyBytes, int icvBytes, int plainBytes) throws Exception {
        int blockBytes = encEngine.getBlockSize();
        CBCModeCipher enc = CBCBlockCipher.newInstance(encEngine);
        CBCModeCipher dec = CBCBlockCipher.newInstance(decEngine);
        KeyParameter key = new KeyParameter(bytes(keyBytes, 1));
        enc.init(true, new ParametersWithIV(key, new byte[blockBytes]));
        dec.init(false, new ParametersWithIV(key, new byte[blockBytes]));
        Mac mac = Mac.getInstance(macAlg);
        mac.init(new SecretKeySpec(bytes(macKeyBytes, 4), macAlg));
        SecureRandom random = new SecureRandom();
        byte[] header = bytes(ESP_HEADER + blockBytes, 2);
        byte[] plain = bytes(plainBytes, 3);
        byte[] sealed = new byte[plainBytes];
        byte[] opened = new byte[plainBytes];
        byte[] iv = new byte[blockBytes];
        return () -> {
            random.nextBytes(iv);
            enc.init(true, new ParametersWithIV(null, iv)); // a new IV, the key schedule kept
            for (int p = 0; p < plainBytes; p += blockBytes) {
                enc.processBlock(plain, p, sealed, p);
            }
            byte[] icv = icv(mac, header, sealed, icvBytes);
            if (!MessageDigest.isEqual(icv, icv(mac, header, sealed, icvBytes))) {
                throw new IllegalStateException("HMAC differs");
            }
            dec.init(false, new ParametersWithIV(null, iv));
            for (int p = 0; p < plainBytes; p += blockBytes) {
                dec.processBlock(sealed, p, opened, p);
            }
        };
    }

    /** The HMAC alone over a whole packet, computed twice (AH seal and open). */
    static Interleaved.Op mac(String macAlg, int macKeyBytes, int icvBytes, int packetBytes) throws Exception {
        Mac mac = Mac.getInstance(macAlg);
        mac.init(new SecretKeySpec(bytes(macKeyBytes, 4), macAlg));
        byte[] packet = bytes(packetBytes, 3);
        byte[] empty = new byte[0];
        return () -> {
            byte[] icv = icv(mac, empty, packet, icvBytes);
            if (!MessageDigest.isEqual(icv, icv(mac, empty, packet, icvBytes))) {
                throw new IllegalStateException("HMAC differs");
            }
        };
    }

    private static byte[] icv(Mac mac, byte[] header, byte[] body, int icvBytes) {
        mac.update(header);
        mac.update(body);
        return Arrays.copyOf(mac.doFinal(), icvBytes);
    }

    private static void put64(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 37 + seed * 11);
        }
        return b;
    }
}
