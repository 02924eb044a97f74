package org.jsetkey.engine.crypto;

import java.util.Arrays;

/** ESP null encryption (RFC 2410): the identity, no IV. */
final class NullCipher implements PacketCipher {
    @Override
    public int ivBytes() {
        return 0;
    }

    @Override
    public int blockBytes() {
        return 1;
    }

    @Override
    public byte[] encrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) {
        return Arrays.copyOfRange(in, off, off + len);
    }

    @Override
    public byte[] decrypt(byte[] iv, byte[] aad, byte[] in, int off, int len) {
        return Arrays.copyOfRange(in, off, off + len);
    }

    @Override
    public void encryptInPlace(byte[] iv, byte[] buf, int aadOff, int aadLen, int off, int len) {
        // the identity
    }

    @Override
    public int decryptInto(byte[] iv, byte[] in, int aadOff, int aadLen, int off, int len, byte[] out, int outOff) {
        System.arraycopy(in, off, out, outOff, len);
        return len;
    }
}
