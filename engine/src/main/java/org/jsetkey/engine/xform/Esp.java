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
        static Shape of(SaEntry entry, SaCrypto crypto) throws XformException {
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

        byte[] fullIv(byte[] esp, int off) {
            if (deriv) {
                return extend(Arrays.copyOfRange(esp, off + 4, off + 8));
            }
            byte[] wire = Arrays.copyOfRange(esp, off + headerBytes() - wireIv(), off + headerBytes());
            return iv4 ? extend(wire) : wire;
        }

        private static byte[] extend(byte[] iv4) {
            byte[] iv = Arrays.copyOf(iv4, 8);
            for (int i = 0; i < 4; i++) {
                iv[4 + i] = (byte) ~iv4[i];
            }
            return iv;
        }
    }

    /**
     * One output array: head, SPI, sequence, IV, then the payload and the trailer encrypted straight
     * from where they lie into it, then the ICV or tag behind: the payload is read once, never copied.
     */
    byte[] seal(Envelope env, SaEntry entry, SaCrypto crypto) throws XformException {
        Shape s = Shape.of(entry, crypto);
        SecurityAssociation sa = entry.sa();
        if (s.cipher().authOnly()) {
            return sealAuthOnly(env, entry, crypto, s);
        }
        Layout l = layOut(env, entry, crypto, s, Math.max(4, s.cipher().blockBytes()));
        byte[] out = l.out();
        byte[] trailer = TRAILER.get();
        pad(trailer, 0, l.padLen(), sa.flags());
        trailer[l.padLen()] = (byte) l.padLen();
        trailer[l.padLen() + 1] = (byte) env.nextHeader();
        byte[] iv = s.fullIv(out, l.at());
        try {
            s.cipher().encryptTo(iv, env.body(), env.bodyOffset(), l.data(), trailer, 0, l.padLen() + 2, out, l.ct(),
                    l.at(), 8);
        } catch (GeneralSecurityException e) {
            throw encryptFailed(sa, e);
        }
        if (s.cipher().tagBytes() == 0 && s.mac() != null && s.mac().icvBytes() > 0) {
            s.mac().icvInto(out, l.at(), l.trailerEnd() - l.at(), out, 0, 0, out, l.trailerEnd());
        }
        env.fix(out, IpProtocol.ESP.number());
        return out;
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
            System.arraycopy(crypto.nextCounterIv(), 0, out, ivAt, s.wireIv());
        } else if (s.wireIv() > 0) {
            byte[] iv = new byte[s.wireIv()];
            random.nextBytes(iv);
            System.arraycopy(iv, 0, out, ivAt, iv.length);
        }
    }

    /** RFC 4543 GMAC: header, IV and payload are all AAD; only a tag is added. */
    private byte[] sealAuthOnly(Envelope env, SaEntry entry, SaCrypto crypto, Shape s) throws XformException {
        Layout l = layOut(env, entry, crypto, s, 4);
        byte[] out = l.out();
        env.copyPayload(out, l.ct());
        pad(out, l.ct() + l.data(), l.padLen(), entry.sa().flags());
        out[l.trailerEnd() - 2] = (byte) l.padLen();
        out[l.trailerEnd() - 1] = (byte) env.nextHeader();
        try {
            byte[] tag = s.cipher().encrypt(s.fullIv(out, l.at()), Arrays.copyOfRange(out, l.at(), l.trailerEnd()),
                    new byte[0], 0, 0);
            System.arraycopy(tag, 0, out, l.trailerEnd(), tag.length);
        } catch (GeneralSecurityException e) {
            throw encryptFailed(entry.sa(), e);
        }
        env.fix(out, IpProtocol.ESP.number());
        return out;
    }

    /**
     * A sealed packet's parts: the ESP header at {@code at}, the payload of {@code data} bytes at
     * {@code ct}, padded so payload, pad length and next header fill whole {@code block}s.
     */
    private record Layout(byte[] out, int at, int ct, int data, int padLen) {
        int trailerEnd() {
            return ct + data + padLen + 2;
        }
    }

    /** The output packet started from {@code env}, its ESP header written, room for payload, trailer and ICV. */
    private Layout layOut(Envelope env, SaEntry entry, SaCrypto crypto, Shape s, int block) throws XformException {
        int data = env.payloadLength();
        int padLen = (block - (data + 2) % block) % block;
        int at = env.headLength();
        int ct = at + s.headerBytes();
        byte[] out = env.start(ct + data + padLen + 2 + s.icvBytes());
        writeHeader(out, at, entry, crypto, s);
        return new Layout(out, at, ct, data, padLen);
    }

    private static XformException encryptFailed(SecurityAssociation sa, GeneralSecurityException e) {
        return new XformException(XformFailure.NO_TRANSFORM, sa.encAlg().name() + " failed to encrypt: "
                + e.getMessage());
    }

    /** Where this thread writes a trailer before it is encrypted behind the payload: no array per packet. */
    private static final ThreadLocal<byte[]> TRAILER = ThreadLocal.withInitial(() -> new byte[255 + 2]);

    /**
     * Self-describing padding 1, 2, 3, ... (RFC 4303), or random / zero bytes as the SA's flags ask;
     * zeros are written, not assumed: {@code out} may be the reused trailer.
     */
    private void pad(byte[] out, int at, int padLen, int flags) {
        if ((flags & Algorithms.FLAG_RANDOM_PAD) != 0) {
            byte[] r = new byte[padLen];
            random.nextBytes(r);
            System.arraycopy(r, 0, out, at, padLen);
        } else if ((flags & Algorithms.FLAG_ZERO_PAD) != 0) {
            Arrays.fill(out, at, at + padLen, (byte) 0);
        } else {
            for (int i = 0; i < padLen; i++) {
                out[at + i] = (byte) (i + 1);
            }
        }
    }

    Opened open(byte[] ip, IpsecHeader h, int end, SaEntry entry, SaCrypto crypto) throws XformException {
        Shape s = Shape.of(entry, crypto);
        SecurityAssociation sa = entry.sa();
        int off = h.offset();
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
        byte[] plain;
        int plainLen;
        try {
            if (s.cipher().tagBytes() == 0 && s.mac() != null && icvLen > 0
                    && !s.mac().verify(ip, off, end - off - icvLen, ip, 0, 0, ip, end - icvLen)) {
                throw authFailed(entry, "ESP");
            }
            plain = scratch(ctLen + icvLen);
            plainLen = decrypt(s, ip, off, end, ctLen, icvLen, plain);
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
        return unpad(plain, plainLen, sa, h, ip, seq);
    }

    /** Decrypts payload and trailer into {@code out}; GMAC and AEAD check their tag here. */
    private static int decrypt(Shape s, byte[] ip, int off, int end, int ctLen, int icvLen, byte[] out)
            throws GeneralSecurityException {
        byte[] iv = s.fullIv(ip, off);
        int ctOff = off + s.headerBytes();
        if (s.cipher().authOnly()) {
            byte[] aad = Arrays.copyOfRange(ip, off, end - icvLen);
            s.cipher().decrypt(iv, aad, ip, end - icvLen, icvLen);
            System.arraycopy(ip, ctOff, out, 0, ctLen);
            return ctLen;
        }
        if (s.cipher().tagBytes() > 0) {
            return s.cipher().decryptInto(iv, ip, off, 8, ctOff, ctLen + icvLen, out, 0);
        }
        return s.cipher().decryptInto(iv, ip, 0, 0, ctOff, ctLen, out, 0);
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
            int n = decrypt(s, ip, off, end, ctLen, icvLen, plain);
            return new EspParts(s.headerBytes(), s.wireIv(), icvLen, !s.cipher().authOnly(),
                    Arrays.copyOf(plain, n), macOk);
        } catch (AEADBadTagException e) {
            return new EspParts(s.headerBytes(), s.wireIv(), icvLen, !s.cipher().authOnly(), null, false);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new XformException(XformFailure.DECRYPT_FAILED, entry.sa().encAlg().name() + ": " + e.getMessage());
        }
    }

    /** Where this thread decrypts before the exact-size packet is made: no array per packet. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[2048]);

    private static byte[] scratch(int len) {
        byte[] b = SCRATCH.get();
        if (b.length < len) {
            b = new byte[len];
            SCRATCH.set(b);
        }
        return b;
    }

    private static Opened unpad(byte[] plain, int plainLen, SecurityAssociation sa, IpsecHeader h, byte[] ip,
                                long seq) throws XformException {
        int padLen = plain[plainLen - 2] & 0xff;
        int nextHeader = plain[plainLen - 1] & 0xff;
        int dataLen = plainLen - 2 - padLen;
        if (dataLen < 0) {
            throw new XformException(XformFailure.BAD_PADDING, "pad length " + padLen + " exceeds the "
                    + plainLen + "-byte payload");
        }
        if ((sa.flags() & (Algorithms.FLAG_RANDOM_PAD | Algorithms.FLAG_ZERO_PAD)) == 0 && !sa.old()) {
            for (int i = 0; i < padLen; i++) {
                if ((plain[dataLen + i] & 0xff) != i + 1) {
                    throw new XformException(XformFailure.BAD_PADDING, "padding byte " + (i + 1) + " is "
                            + (plain[dataLen + i] & 0xff) + " (expected the 1, 2, 3, ... pattern)");
                }
            }
        }
        return Xform.finish(ip, h, nextHeader, plain, 0, dataLen, seq);
    }

    private static XformException authFailed(SaEntry entry, String proto) {
        entry.countAuthFailure();
        return new XformException(XformFailure.AUTH_FAILED, proto + " ICV mismatch for " + entry.sa().id());
    }

    static XformException authFailure(SaEntry entry, String proto) {
        return authFailed(entry, proto);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
