package org.jsetkey.engine.xform;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;

import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.crypto.PacketCipher;
import org.jsetkey.engine.crypto.PacketMac;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * ESP (RFC 4303; esp-old: RFC 1827). Layout: SPI, sequence number (not for esp-old), IV, the
 * encrypted payload + padding + pad length + next header, ICV (not for esp-old).
 * des-deriv (KAME, draft-ietf-ipsec-ciph-des-derived) carries no IV: the 32-bit sequence field is the
 * IV, extended to 64 bits with its complement; des-32iv (esp-old, RFC 1829) carries a 32-bit IV
 * extended the same way.
 */
final class Esp {
    private final SecureRandom random;

    Esp(SecureRandom random) {
        this.random = random;
    }

    /** Wire details of one SA, derived from its flags and algorithms. */
    private record Shape(PacketCipher cipher, PacketMac mac, boolean old, boolean deriv, boolean iv4) {
        /** The SA's shape, derived once and kept with the SA (it depends on nothing but the SA). */
        static Shape of(SaEntry entry, SaCrypto crypto) throws XformException {
            if (entry.derived() instanceof Shape s && s.cipher == crypto.cipher()) {
                return s;
            }
            Shape s = derive(entry, crypto);
            entry.derived(s);
            return s;
        }

        private static Shape derive(SaEntry entry, SaCrypto crypto) throws XformException {
            SecurityAssociation sa = entry.sa();
            if (crypto.cipher() == null) {
                throw new XformException(XformFailure.NO_TRANSFORM, "ESP SA " + sa.id() + " has no -E algorithm");
            }
            int algFlags = sa.encAlg().saFlags();
            boolean old = sa.old();
            boolean deriv = !old && ((sa.flags() | algFlags) & Algorithms.FLAG_DERIV) != 0;
            boolean iv4 = old && ((sa.flags() | algFlags) & Algorithms.FLAG_IV4B) != 0;
            PacketMac mac = old || crypto.cipher().tagBytes() > 0 ? null : crypto.mac();
            return new Shape(crypto.cipher(), mac, old, deriv, iv4);
        }

        int wireIv() {
            if (deriv) {
                return 0;
            }
            return iv4 ? 4 : cipher.ivBytes();
        }

        int headerBytes() {
            return (old ? 4 : 8) + wireIv();
        }

        int icvBytes() {
            if (cipher.tagBytes() > 0) {
                return cipher.tagBytes();
            }
            return mac == null ? 0 : mac.icvBytes();
        }

        /**
         * The IV the cipher takes for the ESP header at {@code esp[off..]}, in this thread's array of
         * its size: no array per packet (a cipher reads its IV during the call only).
         */
        byte[] fullIv(byte[] esp, int off) {
            if (deriv) {
                return extended(esp, off + 4);
            }
            int n = wireIv();
            int from = off + headerBytes() - n;
            if (iv4) {
                return extended(esp, from);
            }
            byte[] iv = ivScratch(n);
            System.arraycopy(esp, from, iv, 0, n);
            return iv;
        }

        /** Four IV bytes at {@code esp[at..]} extended to eight with their complement. */
        private static byte[] extended(byte[] esp, int at) {
            byte[] iv = ivScratch(8);
            for (int i = 0; i < 4; i++) {
                iv[i] = esp[at + i];
                iv[4 + i] = (byte) ~esp[at + i];
            }
            return iv;
        }
    }

    /** This thread's IV array of {@code n} bytes. */
    private static byte[] ivScratch(int n) {
        byte[][] bySize = IV.get();
        if (n >= bySize.length) {
            return new byte[n];
        }
        byte[] iv = bySize[n];
        if (iv == null) {
            iv = new byte[n];
            bySize[n] = iv;
        }
        return iv;
    }

    private static final ThreadLocal<byte[][]> IV = ThreadLocal.withInitial(() -> new byte[33][]);

    /**
     * In place: the ESP header goes into the gap {@link Envelope#insert} opens behind the head, the
     * trailer and the ICV or tag into the tailroom, and payload and trailer are encrypted where they
     * lie, in one pass.
     */
    void seal(Packet p, SaEntry entry, SaCrypto crypto) throws XformException {
        Shape s = Shape.of(entry, crypto);
        SecurityAssociation sa = entry.sa();
        // the cut, as Envelope left it in the packet's parse
        int version = p.version();
        int head = p.upperOffset();
        int field = p.fieldOffset();
        int next = p.protocol();
        int block = s.cipher().authOnly() ? 4 : Math.max(4, s.cipher().blockBytes());
        int data = p.end() - head;
        int padLen = (block - (data + 2) % block) % block;
        int hdr = s.headerBytes();
        int icv = s.icvBytes();
        p.ensureRoom(hdr, padLen + 2 + icv);
        int at = Envelope.insert(p, head, hdr);
        byte[] b = p.buffer();
        writeHeader(b, at, entry, crypto, s);
        int trailer = p.append(padLen + 2);
        pad(b, trailer, padLen, sa.flags());
        b[trailer + padLen] = (byte) padLen;
        b[trailer + padLen + 1] = (byte) next;
        int icvAt = p.append(icv);
        byte[] iv = s.fullIv(b, at);
        try {
            if (s.cipher().authOnly()) {
                // RFC 4543 GMAC: header, IV and payload are all AAD; only a tag is added
                byte[] tag = s.cipher().encrypt(iv, Arrays.copyOfRange(b, at, icvAt), new byte[0], 0, 0);
                System.arraycopy(tag, 0, b, icvAt, tag.length);
            } else {
                s.cipher().encryptInPlace(iv, b, at, 8, at + hdr, data + padLen + 2);
                if (s.cipher().tagBytes() == 0 && s.mac() != null && icv > 0) {
                    s.mac().icvInto(b, at, icvAt - at, b, 0, 0, b, icvAt);
                }
            }
        } catch (GeneralSecurityException e) {
            throw encryptFailed(sa, e);
        }
        Envelope.fix(p, version, head, field, IpProtocol.ESP.number());
    }

    /** SPI, sequence number (not for esp-old) and the wire IV at {@code out[at..]}. */
    private void writeHeader(byte[] out, int at, SaEntry entry, SaCrypto crypto, Shape s) throws XformException {
        SecurityAssociation sa = entry.sa();
        IpsecHeaders.put32(out, at, sa.spi());
        if (!s.old()) {
            long seq = entry.nextSequence();
            if (seq < 0) {
                throw new XformException(XformFailure.SEQ_OVERFLOW, "ESP SA " + sa.id()
                        + " used all 2^32-1 sequence numbers; rekey (or allow cyclic-seq)");
            }
            IpsecHeaders.put32(out, at + 4, seq);
        }
        int ivAt = at + s.headerBytes() - s.wireIv();
        if (s.cipher().counterIv()) {
            crypto.nextCounterIv(out, ivAt);
        } else if (s.wireIv() > 0) {
            randomBytes(out, ivAt, s.wireIv());
        }
    }

    /**
     * {@code n} random bytes at {@code out[at..]}, drawn as one {@code nextBytes} of exactly {@code n}
     * (a seeded source gives the same packets) through this thread's array of that size.
     */
    private void randomBytes(byte[] out, int at, int n) {
        byte[][] bySize = RANDOM.get();
        byte[] r = bySize[n];
        if (r == null) {
            r = new byte[n];
            bySize[n] = r;
        }
        random.nextBytes(r);
        System.arraycopy(r, 0, out, at, n);
    }

    private static XformException encryptFailed(SecurityAssociation sa, GeneralSecurityException e) {
        return new XformException(XformFailure.NO_TRANSFORM, sa.encAlg().name() + " failed to encrypt: "
                + e.getMessage());
    }

    /** Where this thread draws random IVs and padding: no array per packet. */
    private static final ThreadLocal<byte[][]> RANDOM = ThreadLocal.withInitial(() -> new byte[256][]);

    /**
     * Self-describing padding 1, 2, 3, ... (RFC 4303), or random / zero bytes as the SA's flags ask;
     * zeros are written, not assumed: {@code out} is a reused buffer.
     */
    private void pad(byte[] out, int at, int padLen, int flags) {
        if ((flags & Algorithms.FLAG_RANDOM_PAD) != 0) {
            randomBytes(out, at, padLen);
        } else if ((flags & Algorithms.FLAG_ZERO_PAD) != 0) {
            Arrays.fill(out, at, at + padLen, (byte) 0);
        } else {
            for (int i = 0; i < padLen; i++) {
                out[at + i] = (byte) (i + 1);
            }
        }
    }

    Opened open(Packet in, SaEntry entry, SaCrypto crypto, Packet out, Opened into) throws XformException {
        Shape s = Shape.of(entry, crypto);
        SecurityAssociation sa = entry.sa();
        byte[] ip = in.buffer();
        int head = in.upperOffset();
        int off = in.offset() + head;
        int end = in.offset() + in.end();
        int icvLen = s.icvBytes();
        int ctLen = end - off - s.headerBytes() - icvLen;
        if (ctLen < 2) {
            throw new XformException(XformFailure.TOO_SHORT, "ESP packet of " + (end - off) + " bytes cannot hold "
                    + s.headerBytes() + " header/IV bytes, a trailer and a " + icvLen + "-byte ICV");
        }
        long seq = s.old() ? 0 : PacketView.u32(ip, off + 4);
        boolean replayCheck = !s.old() && entry.replayWindow().enabled();
        if (replayCheck && !entry.replayWindow().check(seq)) {
            entry.countReplayDrop();
            throw new XformException(XformFailure.REPLAY, "ESP sequence " + seq + " "
                    + entry.replayWindow().refusal(seq));
        }
        int block = s.cipher().blockBytes();
        if (s.cipher().tagBytes() == 0 && ctLen % block != 0) {
            throw new XformException(XformFailure.BAD_LENGTH, "bad ilen: ESP payload of " + ctLen
                    + " bytes is not a multiple of the " + block + "-byte " + sa.encAlg().name() + " block");
        }
        // the plaintext lands where the opened packet's body goes: behind room for the head
        out.reserve(head + ctLen + icvLen);
        byte[] plain = out.buffer();
        int at = out.offset() + head;
        int plainLen;
        try {
            if (s.cipher().tagBytes() == 0 && s.mac() != null && icvLen > 0
                    && !s.mac().verify(ip, off, end - off - icvLen, ip, 0, 0, ip, end - icvLen)) {
                throw authFailed(entry, "ESP");
            }
            plainLen = decrypt(s, ip, off, end, ctLen, icvLen, plain, at);
        } catch (AEADBadTagException e) {
            throw authFailed(entry, "ESP");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new XformException(XformFailure.DECRYPT_FAILED, sa.encAlg().name() + ": " + e.getMessage());
        }
        if (replayCheck && !entry.replayWindow().update(seq)) {
            entry.countReplayDrop();
            throw new XformException(XformFailure.REPLAY, "ESP sequence " + seq + " "
                    + entry.replayWindow().refusal(seq));
        }
        int padLen = plain[at + plainLen - 2] & 0xff;
        int nextHeader = plain[at + plainLen - 1] & 0xff;
        int dataLen = unpadded(plain, at, plainLen, padLen, sa);
        return Xform.placed(in, nextHeader, dataLen, seq, out, into);
    }

    /** Decrypts payload and trailer into {@code out}; GMAC and AEAD check their tag here. */
    private static int decrypt(Shape s, byte[] ip, int off, int end, int ctLen, int icvLen, byte[] out, int outOff)
            throws GeneralSecurityException {
        byte[] iv = s.fullIv(ip, off);
        int ctOff = off + s.headerBytes();
        if (s.cipher().authOnly()) {
            byte[] aad = Arrays.copyOfRange(ip, off, end - icvLen);
            s.cipher().decrypt(iv, aad, ip, end - icvLen, icvLen);
            System.arraycopy(ip, ctOff, out, outOff, ctLen);
            return ctLen;
        }
        if (s.cipher().tagBytes() > 0) {
            return s.cipher().decryptInto(iv, ip, off, 8, ctOff, ctLen + icvLen, out, outOff);
        }
        return s.cipher().decryptInto(iv, ip, 0, 0, ctOff, ctLen, out, outOff);
    }

    /** The parts of the ESP at {@code h} as the SA reads them, decrypted: no replay window is touched. */
    EspParts parts(byte[] ip, IpsecHeader h, int end, SaEntry entry, SaCrypto crypto) throws XformException {
        Shape s = Shape.of(entry, crypto);
        int off = h.offset();
        int icvLen = s.icvBytes();
        int ctLen = end - off - s.headerBytes() - icvLen;
        if (ctLen < 2) {
            throw new XformException(XformFailure.TOO_SHORT, "ESP packet of " + (end - off) + " bytes cannot hold "
                    + s.headerBytes() + " header/IV bytes, a trailer and a " + icvLen + "-byte ICV");
        }
        boolean macOk = s.cipher().tagBytes() > 0 || s.mac() == null || icvLen == 0
                || s.mac().verify(ip, off, end - off - icvLen, ip, 0, 0, ip, end - icvLen);
        byte[] plain = new byte[ctLen + icvLen];
        try {
            int n = decrypt(s, ip, off, end, ctLen, icvLen, plain, 0);
            return new EspParts(s.headerBytes(), s.wireIv(), icvLen, !s.cipher().authOnly(),
                    Arrays.copyOf(plain, n), macOk);
        } catch (AEADBadTagException e) {
            return new EspParts(s.headerBytes(), s.wireIv(), icvLen, !s.cipher().authOnly(), null, false);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new XformException(XformFailure.DECRYPT_FAILED, entry.sa().encAlg().name() + ": " + e.getMessage());
        }
    }

    /** The payload length behind the checked padding of {@code plain[at..at+plainLen)}. */
    private static int unpadded(byte[] plain, int at, int plainLen, int padLen, SecurityAssociation sa)
            throws XformException {
        int dataLen = plainLen - 2 - padLen;
        if (dataLen < 0) {
            throw new XformException(XformFailure.BAD_PADDING, "pad length " + padLen + " exceeds the "
                    + plainLen + "-byte payload");
        }
        if ((sa.flags() & (Algorithms.FLAG_RANDOM_PAD | Algorithms.FLAG_ZERO_PAD)) == 0 && !sa.old()) {
            for (int i = 0; i < padLen; i++) {
                if ((plain[at + dataLen + i] & 0xff) != i + 1) {
                    throw new XformException(XformFailure.BAD_PADDING, "padding byte " + (i + 1) + " is "
                            + (plain[at + dataLen + i] & 0xff) + " (expected the 1, 2, 3, ... pattern)");
                }
            }
        }
        return dataLen;
    }

    private static XformException authFailed(SaEntry entry, String proto) {
        entry.countAuthFailure();
        return new XformException(XformFailure.AUTH_FAILED, proto + " ICV mismatch for " + entry.sa().id());
    }

    static XformException authFailure(SaEntry entry, String proto) {
        return authFailed(entry, proto);
    }
}
