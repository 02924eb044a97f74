package org.jsetkey.engine.xform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;

import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.crypto.PacketCipher;
import org.jsetkey.engine.crypto.PacketMac;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpProtocol;
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

    byte[] seal(Envelope env, SaEntry entry, SaCrypto crypto) throws XformException {
        Shape s = Shape.of(entry, crypto);
        SecurityAssociation sa = entry.sa();
        byte[] header = new byte[s.headerBytes()];
        IpsecHeaders.put32(header, 0, sa.spi());
        if (!s.old()) {
            long seq = entry.nextSequence();
            if (seq < 0) {
                throw new XformException(XformFailure.SEQ_OVERFLOW, "ESP SA " + sa.id()
                        + " used all 2^32-1 sequence numbers; rekey (or allow cyclic-seq)");
            }
            IpsecHeaders.put32(header, 4, seq);
        }
        int ivAt = header.length - s.wireIv();
        if (s.cipher().counterIv()) {
            System.arraycopy(crypto.nextCounterIv(), 0, header, ivAt, s.wireIv());
        } else {
            byte[] iv = new byte[s.wireIv()];
            random.nextBytes(iv);
            System.arraycopy(iv, 0, header, ivAt, iv.length);
        }
        byte[] plain = pad(env.payload(), env.nextHeader(), Math.max(4, s.cipher().blockBytes()), sa.flags());
        byte[] iv = s.fullIv(header, 0);
        byte[] body;
        try {
            if (s.cipher().authOnly()) {
                byte[] aad = concat(header, plain);
                body = concat(aad, s.cipher().encrypt(iv, aad, new byte[0], 0, 0));
            } else if (s.cipher().tagBytes() > 0) {
                byte[] ct = s.cipher().encrypt(iv, Arrays.copyOf(header, 8), plain, 0, plain.length);
                body = concat(header, ct);
            } else {
                body = concat(header, s.cipher().encrypt(iv, null, plain, 0, plain.length));
                if (s.mac() != null && s.mac().icvBytes() > 0) {
                    body = concat(body, s.mac().icv(body, 0, body.length));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new XformException(XformFailure.NO_TRANSFORM, sa.encAlg().name() + " failed to encrypt: "
                    + e.getMessage());
        }
        return env.assemble(IpProtocol.ESP, body);
    }

    private byte[] pad(byte[] payload, int nextHeader, int block, int flags) {
        int padLen = (block - (payload.length + 2) % block) % block;
        byte[] out = Arrays.copyOf(payload, payload.length + padLen + 2);
        if ((flags & Algorithms.FLAG_RANDOM_PAD) != 0) {
            byte[] r = new byte[padLen];
            random.nextBytes(r);
            System.arraycopy(r, 0, out, payload.length, padLen);
        } else if ((flags & Algorithms.FLAG_ZERO_PAD) == 0) {
            for (int i = 0; i < padLen; i++) {
                out[payload.length + i] = (byte) (i + 1);
            }
        }
        out[out.length - 2] = (byte) padLen;
        out[out.length - 1] = (byte) nextHeader;
        return out;
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
        long seq = s.old() ? 0 : IpsecHeaders.u32(ip, off + 4);
        boolean replayCheck = !s.old() && entry.replayWindow().enabled();
        if (replayCheck && !entry.replayWindow().check(seq)) {
            entry.countReplayDrop();
            throw new XformException(XformFailure.REPLAY, "ESP sequence " + seq + " replayed or left of the window"
                    + " (highest seen " + entry.replayWindow().highest() + ", window " + entry.replayWindow().size()
                    + ")");
        }
        int block = s.cipher().blockBytes();
        if (s.cipher().tagBytes() == 0 && ctLen % block != 0) {
            throw new XformException(XformFailure.BAD_LENGTH, "bad ilen: ESP payload of " + ctLen
                    + " bytes is not a multiple of the " + block + "-byte " + sa.encAlg().name() + " block");
        }
        byte[] iv = s.fullIv(ip, off);
        int ctOff = off + s.headerBytes();
        byte[] plain;
        try {
            if (s.cipher().authOnly()) {
                byte[] aad = Arrays.copyOfRange(ip, off, end - icvLen);
                s.cipher().decrypt(iv, aad, ip, end - icvLen, icvLen);
                plain = Arrays.copyOfRange(ip, ctOff, end - icvLen);
            } else if (s.cipher().tagBytes() > 0) {
                plain = s.cipher().decrypt(iv, Arrays.copyOfRange(ip, off, off + 8), ip, ctOff, ctLen + icvLen);
            } else {
                if (s.mac() != null && icvLen > 0) {
                    byte[] want = s.mac().icv(ip, off, end - off - icvLen);
                    if (!MessageDigest.isEqual(want, Arrays.copyOfRange(ip, end - icvLen, end))) {
                        throw authFailed(entry, "ESP");
                    }
                }
                plain = s.cipher().decrypt(iv, null, ip, ctOff, ctLen);
            }
        } catch (AEADBadTagException e) {
            throw authFailed(entry, "ESP");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new XformException(XformFailure.DECRYPT_FAILED, sa.encAlg().name() + ": " + e.getMessage());
        }
        if (replayCheck && !entry.replayWindow().update(seq)) {
            entry.countReplayDrop();
            throw new XformException(XformFailure.REPLAY, "ESP sequence " + seq + " replayed");
        }
        return unpad(plain, sa, h, ip, seq);
    }

    private static Opened unpad(byte[] plain, SecurityAssociation sa, IpsecHeader h, byte[] ip, long seq)
            throws XformException {
        int padLen = plain[plain.length - 2] & 0xff;
        int nextHeader = plain[plain.length - 1] & 0xff;
        int dataLen = plain.length - 2 - padLen;
        if (dataLen < 0) {
            throw new XformException(XformFailure.BAD_PADDING, "pad length " + padLen + " exceeds the "
                    + plain.length + "-byte payload: key or algorithm differs between the hosts?");
        }
        if ((sa.flags() & (Algorithms.FLAG_RANDOM_PAD | Algorithms.FLAG_ZERO_PAD)) == 0 && !sa.old()) {
            for (int i = 0; i < padLen; i++) {
                if ((plain[dataLen + i] & 0xff) != i + 1) {
                    throw new XformException(XformFailure.BAD_PADDING, "padding byte " + (i + 1) + " is "
                            + (plain[dataLen + i] & 0xff) + " (expected the 1, 2, 3, ... pattern):"
                            + " key or algorithm differs between the hosts?");
                }
            }
        }
        return Xform.finish(ip, h, nextHeader, Arrays.copyOf(plain, dataLen), seq);
    }

    private static XformException authFailed(SaEntry entry, String proto) {
        entry.countAuthFailure();
        return new XformException(XformFailure.AUTH_FAILED, proto + " ICV mismatch for " + entry.sa().id()
                + ": key or algorithm differs between the hosts?");
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
