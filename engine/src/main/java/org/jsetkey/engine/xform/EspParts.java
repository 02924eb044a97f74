package org.jsetkey.engine.xform;

import java.util.Arrays;

/**
 * One ESP header read with its SA (for pictures of a packet): the sizes the SA gives its parts and
 * the decrypted payload with its trailer (padding, pad length, next header).
 *
 * @param headerBytes SPI, sequence number and IV
 * @param ivBytes     the IV on the wire
 * @param icvBytes    the ICV or AEAD tag at the end (0 without authentication)
 * @param encrypted   false for null encryption by GMAC (RFC 4543): the payload travels in clear
 * @param plain       payload + padding + pad length + next header; null when an AEAD tag did not verify
 * @param verified    the ICV or tag matched (true when there is none)
 */
public record EspParts(int headerBytes, int ivBytes, int icvBytes, boolean encrypted, byte[] plain, boolean verified) {
    public EspParts {
        plain = plain == null ? null : plain.clone();
    }

    @Override
    public byte[] plain() {
        return plain == null ? null : plain.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EspParts p && headerBytes == p.headerBytes && ivBytes == p.ivBytes
                && icvBytes == p.icvBytes && encrypted == p.encrypted && Arrays.equals(plain, p.plain)
                && verified == p.verified;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(plain) * 31 + headerBytes * 7 + icvBytes + (verified ? 1 : 0);
    }

    @Override
    public String toString() {
        return "EspParts[header " + headerBytes + ", iv " + ivBytes + ", icv " + icvBytes + ", "
                + (plain == null ? "not decrypted" : plain.length + " bytes") + (verified ? "" : ", ICV mismatch") + "]";
    }
}
