package org.jsetkey.engine.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC over a Bouncy Castle digest (RIPEMD-160, RFC 2857), truncated to the ICV length. */
final class BcHmac implements PacketMac {
    private final HMac mac;
    private final int icvBytes;

    BcHmac(Digest digest, byte[] key, int icvBytes) {
        this.mac = new HMac(digest);
        this.mac.init(new KeyParameter(key));
        this.icvBytes = icvBytes;
    }

    @Override
    public int icvBytes() {
        return icvBytes;
    }

    @Override
    public synchronized byte[] icv(byte[] data, int off, int len) {
        byte[] out = new byte[mac.getMacSize()];
        mac.update(data, off, len);
        mac.doFinal(out, 0);
        return Arrays.copyOf(out, icvBytes);
    }
}
