package org.jsetkey.engine.xform;

import java.util.Arrays;

import org.jsetkey.engine.crypto.PacketMac;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * AH (RFC 4302): next header, payload length ((AH bytes / 4) - 2), reserved, SPI, sequence number,
 * ICV padded to 32 bits (IPv4) or 64 bits (IPv6). ah-old (RFC 1826): next header, length (auth data
 * in 32-bit words), reserved, SPI, full-length ICV, no sequence number. The ICV covers the whole
 * packet with the mutable fields and the ICV field zeroed.
 */
final class Ah {

    byte[] seal(Envelope env, SaEntry entry, SaCrypto crypto, Tunables knobs) throws XformException {
        SecurityAssociation sa = entry.sa();
        PacketMac mac = mac(entry, crypto);
        boolean old = sa.old();
        int fixed = old ? 8 : 12;
        int align = env.version() == 4 ? 4 : 8;
        int total = roundUp(fixed + mac.icvBytes(), align);
        byte[] ah = new byte[total];
        ah[0] = (byte) env.nextHeader();
        ah[1] = (byte) (old ? (total - fixed) / 4 : total / 4 - 2);
        IpsecHeaders.put32(ah, 4, sa.spi());
        if (!old) {
            long seq = entry.nextSequence();
            if (seq < 0) {
                throw new XformException(XformFailure.SEQ_OVERFLOW, "AH SA " + sa.id()
                        + " used all 2^32-1 sequence numbers; rekey (or allow cyclic-seq)");
            }
            IpsecHeaders.put32(ah, 8, seq);
        }
        int ahOffset = env.headLength();
        byte[] packet = env.start(ahOffset + total + env.payloadLength());
        System.arraycopy(ah, 0, packet, ahOffset, total);
        env.copyPayload(packet, ahOffset + total);
        env.fix(packet, IpProtocol.AH.number());
        icv(mac, packet, ahOffset, total, packet.length, knobs, packet, ahOffset + fixed);
        return packet;
    }

    Opened open(byte[] ip, IpsecHeader h, int end, SaEntry entry, SaCrypto crypto, Tunables knobs)
            throws XformException {
        SecurityAssociation sa = entry.sa();
        PacketMac mac = mac(entry, crypto);
        boolean old = sa.old();
        int off = h.offset();
        int fixed = old ? 8 : 12;
        if (end - off < fixed) {
            throw new XformException(XformFailure.TOO_SHORT, "AH header at offset " + off + " is cut off");
        }
        int lenField = ip[off + 1] & 0xff;
        int ahLen = old ? fixed + lenField * 4 : PacketView.ahLength(lenField);
        if (ahLen < fixed + mac.icvBytes() || off + ahLen > end) {
            throw new XformException(XformFailure.BAD_LENGTH, "bad ilen: AH length field " + lenField + " ("
                    + ahLen + " bytes) does not fit a " + mac.icvBytes() + "-byte " + sa.authAlg().name()
                    + " ICV in " + (end - off) + " bytes");
        }
        long seq = old ? 0 : PacketView.u32(ip, off + 8);
        boolean replayCheck = !old && entry.replayWindow().enabled();
        if (replayCheck && !entry.replayWindow().check(seq)) {
            entry.countReplayDrop();
            throw new XformException(XformFailure.REPLAY, "AH sequence " + seq + " "
                    + entry.replayWindow().refusal(seq));
        }
        byte[] front = Arrays.copyOf(ip, off + ahLen);
        Arrays.fill(front, off + fixed, off + ahLen, (byte) 0);
        MutableFields.zero(front, off, knobs);
        if (!mac.verify(front, 0, front.length, ip, off + ahLen, end - off - ahLen, ip, off + fixed)) {
            throw Esp.authFailure(entry, "AH");
        }
        if (replayCheck && !entry.replayWindow().update(seq)) {
            entry.countReplayDrop();
            throw new XformException(XformFailure.REPLAY, "AH sequence " + seq + " "
                    + entry.replayWindow().refusal(seq));
        }
        return Xform.finish(ip, h, ip[off] & 0xff, ip, off + ahLen, end - off - ahLen, seq);
    }

    private static PacketMac mac(SaEntry entry, SaCrypto crypto) throws XformException {
        if (crypto.mac() == null) {
            throw new XformException(XformFailure.NO_TRANSFORM, "AH SA " + entry.sa().id() + " has no -A algorithm");
        }
        return crypto.mac();
    }

    /**
     * The ICV over {@code packet[0..end)} with the mutable fields and the ICV field zeroed, written to
     * {@code out} at {@code outOff}. Only the part up to the end of the AH header is copied to be
     * zeroed (the mutable fields all lie in front of it); the payload is read where it lies.
     */
    private static void icv(PacketMac mac, byte[] packet, int ahOffset, int ahLen, int end, Tunables knobs,
                            byte[] out, int outOff) {
        byte[] front = Arrays.copyOf(packet, ahOffset + ahLen);
        MutableFields.zero(front, ahOffset, knobs);
        mac.icvInto(front, 0, front.length, packet, ahOffset + ahLen, end - ahOffset - ahLen, out, outOff);
    }

    private static int roundUp(int n, int align) {
        return (n + align - 1) / align * align;
    }
}
