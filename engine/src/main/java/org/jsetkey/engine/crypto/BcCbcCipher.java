package org.jsetkey.engine.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * CBC over a Bouncy Castle block engine (DES, 3DES, Blowfish, CAST-128, Twofish, Camellia). The engines are keyed once
 * per SA; CBC chaining is done here so the key schedule is never redone per packet.
 */
final class BcCbcCipher implements PacketCipher {
    private final BlockCipher enc;
    private final BlockCipher dec;
    private final int block;

    BcCbcCipher(BlockCipher enc, BlockCipher dec, byte[] key) {
        this.enc = enc;
        this.dec = dec;
        enc.init(true, new KeyParameter(key));
        dec.init(false, new KeyParameter(key));
        this.block = enc.getBlockSize();
    }

    @Override
    public int ivBytes() {
        return block;
    }

    @Override
    public int blockBytes() {
        return block;
    }

    @Override
    public byte[] encrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) {
        byte[] out = Arrays.copyOfRange(in, off, off + len);
        encryptInPlace(iv, out, 0, 0, 0, len);
        return out;
    }

    @Override
    public byte[] decrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) {
        byte[] out = new byte[len];
        decryptInto(iv, in, 0, 0, off, len, out, 0);
        return out;
    }

    @Override
    public void encryptInPlace(byte[] iv, byte[] buf, int aadOff, int aadLen, int off, int len) {
        checkLength(len);
        synchronized (enc) {
            for (int p = off; p < off + len; p += block) {
                for (int i = 0; i < block; i++) {
                    buf[p + i] ^= p == off ? iv[i] : buf[p - block + i];
                }
                enc.processBlock(buf, p, buf, p);
            }
        }
    }

    @Override
    public int decryptInto(byte[] iv, byte[] in, int aadOff, int aadLen, int off, int len, byte[] out, int outOff) {
        checkLength(len);
        synchronized (dec) {
            for (int p = 0; p < len; p += block) {
                dec.processBlock(in, off + p, out, outOff + p);
                for (int i = 0; i < block; i++) {
                    out[outOff + p + i] ^= p == 0 ? iv[i] : in[off + p - block + i];
                }
            }
        }
        return len;
    }

    private void checkLength(int len) {
        if (len % block != 0) {
            throw new IllegalArgumentException("CBC input of " + len + " bytes is not a multiple of " + block);
        }
    }
}
