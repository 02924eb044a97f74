package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * KAME's keyed-md5 / keyed-sha1 (RFC 1828 style, netinet6/ah_core.c): H(key || keyfill || data || key),
 * where keyfill is MD5-style padding of the key to a 64-byte boundary (0x80, zeros, and the key
 * length in bits as 8 little-endian bytes, also for SHA-1, as KAME does) and the final key is
 * followed by the digest's own padding.
 */
final class KeyedDigest implements PacketMac {
    private final MessageDigest prefix;
    private final byte[] key;
    private final int icvBytes;

    KeyedDigest(String digest, byte[] key, int icvBytes) throws GeneralSecurityException {
        this.prefix = MessageDigest.getInstance(digest);
        this.key = key.clone();
        this.icvBytes = icvBytes;
        prefix.update(key);
        int padlen = key.length < 56 ? 64 - 8 - key.length : 64 + 64 - 8 - key.length;
        byte[] fill = new byte[padlen + 8];
        fill[0] = (byte) 0x80;
        long bits = key.length * 8L;
        for (int i = 0; i < 4; i++) {
            fill[padlen + i] = (byte) (bits >> (8 * i));
        }
        prefix.update(fill);
    }

    @Override
    public int icvBytes() {
        return icvBytes;
    }

    @Override
    public synchronized byte[] icv(byte[] data, int off, int len) {
        MessageDigest d;
        try {
            d = (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("digest cannot be cloned: " + prefix.getAlgorithm(), e);
        }
        d.update(data, off, len);
        d.update(key);
        return Arrays.copyOf(d.digest(), icvBytes);
    }
}
