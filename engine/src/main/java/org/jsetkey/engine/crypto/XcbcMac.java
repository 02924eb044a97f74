package org.jsetkey.engine.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-XCBC-MAC (RFC 3566 4): K1/K2/K3 derived by encrypting 0x01../0x02../0x03.. blocks under K;
 * CBC-MAC under K1 with the last block XORed with K2 (complete) or padded 10* and XORed with K3.
 */
final class XcbcMac implements PacketMac {
    private static final int BLOCK = 16;
    private final BlockCipher k1 = AESEngine.newInstance();
    private final byte[] k2;
    private final byte[] k3;
    private final int icvBytes;

    XcbcMac(byte[] key, int icvBytes) {
        BlockCipher k = AESEngine.newInstance();
        k.init(true, new KeyParameter(key));
        byte[] key1 = derive(k, 1);
        this.k2 = derive(k, 2);
        this.k3 = derive(k, 3);
        k1.init(true, new KeyParameter(key1));
        this.icvBytes = icvBytes;
    }

    private static byte[] derive(BlockCipher k, int fill) {
        byte[] in = new byte[BLOCK];
        Arrays.fill(in, (byte) fill);
        byte[] out = new byte[BLOCK];
        k.processBlock(in, 0, out, 0);
        return out;
    }

    @Override
    public int icvBytes() {
        return icvBytes;
    }

    @Override
    public synchronized byte[] icv(byte[] data, int off, int len) {
        byte[] e = new byte[BLOCK];
        int full = len == 0 ? 0 : (len - 1) / BLOCK;
        for (int b = 0; b < full; b++) {
            for (int i = 0; i < BLOCK; i++) {
                e[i] ^= data[off + b * BLOCK + i];
            }
            k1.processBlock(e, 0, e, 0);
        }
        int rest = len - full * BLOCK;
        byte[] last = new byte[BLOCK];
        System.arraycopy(data, off + full * BLOCK, last, 0, rest);
        byte[] mask = k2;
        if (rest < BLOCK) {
            last[rest] = (byte) 0x80;
            mask = k3;
        }
        for (int i = 0; i < BLOCK; i++) {
            e[i] ^= (byte) (last[i] ^ mask[i]);
        }
        k1.processBlock(e, 0, e, 0);
        return Arrays.copyOf(e, icvBytes);
    }
}
