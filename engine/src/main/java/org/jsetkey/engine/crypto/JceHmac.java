package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC through the JDK (MD5, SHA-1, SHA-2), truncated to the ICV length (RFC 2403/2404/4868). */
final class JceHmac implements PacketMac {
    private final Mac mac;
    private final int icvBytes;

    JceHmac(String jceName, byte[] key, int icvBytes) throws GeneralSecurityException {
        this.mac = Mac.getInstance(jceName);
        this.mac.init(new SecretKeySpec(key, jceName));
        this.icvBytes = icvBytes;
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
}
