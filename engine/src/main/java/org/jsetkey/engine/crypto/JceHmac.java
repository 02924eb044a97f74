package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC through the JDK (MD5, SHA-1, SHA-2), truncated to the ICV length (RFC 2403/2404/4868). */
final class JceHmac implements PacketMac {
    private final Mac mac;
    private final int icvBytes;
    private final byte[] full;

    JceHmac(String jceName, byte[] key, int icvBytes) throws GeneralSecurityException {
        this.mac = Mac.getInstance(jceName);
        this.mac.init(new SecretKeySpec(key, jceName));
        this.icvBytes = icvBytes;
        this.full = new byte[mac.getMacLength()];
    }

    @Override
    public int icvBytes() {
        return icvBytes;
    }

    @Override
    public synchronized byte[] icv(byte[] data, int off, int len) {
        mac.update(data, off, len);
        return Arrays.copyOf(mac.doFinal(), icvBytes);
    }

    @Override
    public synchronized void icvInto(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, byte[] out,
                                     int outOff) {
        mac.update(a, aOff, aLen);
        mac.update(b, bOff, bLen);
        try {
            mac.doFinal(full, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(full, 0, out, outOff, icvBytes);
    }

    @Override
    public synchronized boolean verify(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, byte[] want,
                                       int wantOff) {
        icvInto(a, aOff, aLen, b, bOff, bLen, full, 0);
        return PacketMac.equalInConstantTime(full, 0, want, wantOff, icvBytes);
    }
}
