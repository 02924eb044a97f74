package org.jsetkey.engine.xform;

import java.util.Arrays;

import org.jsetkey.engine.crypto.PacketMac;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
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

    /** In place: the AH header goes into the gap {@link Envelope#insert} opens behind the head. */
    void seal(Packet p, SaEntry entry, SaCrypto crypto, Tunables knobs) throws XformException {
        SecurityAssociation sa = entry.sa();
        // the cut, as Envelope left it in the packet's parse
        int version = p.version();
        int head = p.upperOffset();
        int field = p.fieldOffset();
        int next = p.protocol();
        PacketMac mac = mac(entry, crypto);
        boolean old = sa.old();
        int fixed = old ? 8 : 12;
        int align = version == 4 ? 4 : 8;
        int total = roundUp(fixed + mac.icvBytes(), align);
        long seq = 0;
        if (!old) {
            seq = entry.nextSequence();
            if (seq < 0) {
                throw new XformException(XformFailure.SEQ_OVERFLOW, "AH SA " + sa.id()
                        + " used all 2^32-1 sequence numbers; rekey (or allow cyclic-seq)");
            }
        }
        int at = Envelope.insert(p, head, total);
        byte[] b = p.buffer();
        b[at] = (byte) next;
        b[at + 1] = (byte) (old ? (total - fixed) / 4 : total / 4 - 2);
        b[at + 2] = 0;
        b[at + 3] = 0;
        IpsecHeaders.put32(b, at + 4, sa.spi());
        if (!old) {
            IpsecHeaders.put32(b, at + 8, seq);
        }
        // the ICV field is zero while the ICV is computed (the buffer is reused: write the zeros)
        Arrays.fill(b, at + fixed, at + total, (byte) 0);
        Envelope.fix(p, version, head, field, IpProtocol.AH.number());
        int start = p.offset();
        icv(mac, b, start, at - start, total, p.length(), knobs, b, at + fixed);
    }

    Opened open(Packet in, SaEntry entry, SaCrypto crypto, Tunables knobs, Packet out, Opened into)
            throws XformException {
        SecurityAssociation sa = entry.sa();
        PacketMac mac = mac(entry, crypto);
        boolean old = sa.old();
        byte[] ip = in.buffer();
        int start = in.offset();
        int head = in.upperOffset();
        int off = start + head;
        int end = start + in.end();
        int fixed = old ? 8 : 12;
        if (end - off < fixed) {
            throw new XformException(XformFailure.TOO_SHORT, "AH header at offset " + head + " is cut off");
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
        int frontLen = off + ahLen - start;
        byte[] front = front(ip, start, frontLen);
        Arrays.fill(front, head + fixed, frontLen, (byte) 0);
        MutableFields.zero(front, head, knobs);
        if (!mac.verify(front, 0, frontLen, ip, off + ahLen, end - off - ahLen, ip, off + fixed)) {
            throw Esp.authFailure(entry, "AH");
        }
        if (replayCheck && !entry.replayWindow().update(seq)) {
            entry.countReplayDrop();
            throw new XformException(XformFailure.REPLAY, "AH sequence " + seq + " "
                    + entry.replayWindow().refusal(seq));
        }
        return Xform.finish(in, ip[off] & 0xff, ip, off + ahLen, end - off - ahLen, seq, out, into);
    }

    /** Where this thread zeroes the mutable fields in front of an AH ICV: no array per packet. */
    private static final ThreadLocal<byte[]> FRONT = ThreadLocal.withInitial(() -> new byte[256]);

    /** A copy of {@code b[from..from+len)} at the start of this thread's front array. */
    private static byte[] front(byte[] b, int from, int len) {
        byte[] f = FRONT.get();
        if (f.length < len) {
            f = new byte[len];
            FRONT.set(f);
        }
        System.arraycopy(b, from, f, 0, len);
        return f;
    }

    private static PacketMac mac(SaEntry entry, SaCrypto crypto) throws XformException {
        if (crypto.mac() == null) {
            throw new XformException(XformFailure.NO_TRANSFORM, "AH SA " + entry.sa().id() + " has no -A algorithm");
        }
        return crypto.mac();
    }

    /**
     * The ICV over the packet at {@code packet[start..start+end)} with the mutable fields and the
     * ICV field zeroed, written to {@code out} at {@code outOff}. Only the part up to the end of the
     * AH header is copied to be zeroed (the mutable fields all lie in front of it); the payload is
     * read where it lies.
     */
    private static void icv(PacketMac mac, byte[] packet, int start, int ahOffset, int ahLen, int end,
                            Tunables knobs, byte[] out, int outOff) {
        int frontLen = ahOffset + ahLen;
        byte[] front = front(packet, start, frontLen);
        MutableFields.zero(front, ahOffset, knobs);
        mac.icvInto(front, 0, frontLen, packet, start + frontLen, end - frontLen, out, outOff);
    }

    private static int roundUp(int n, int align) {
        return (n + align - 1) / align * align;
    }
}
