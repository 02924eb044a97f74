package org.jsetkey.engine.xform;

import java.util.zip.DataFormatException;

import org.jsetkey.engine.crypto.PacketCompressor;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * IPComp (RFC 3173): next header, flags (0), CPI, then the compressed payload. A payload that does
 * not shrink is sent without the IPComp header (RFC 3173 2.2).
 */
final class IpComp {
    static final int HEADER = 4;
    private static final int MAX_INFLATED = 65535;

    static int cpi(SecurityAssociation sa, PacketCompressor c) {
        return sa.rawCpi() ? (int) (sa.spi() & 0xffff) : c.wellKnownCpi();
    }

    void seal(Packet p, SaEntry entry, SaCrypto crypto) throws XformException {
        PacketCompressor c = compressor(entry, crypto);
        // the cut, as Envelope left it in the packet's parse
        int version = p.version();
        int head = p.upperOffset();
        int field = p.fieldOffset();
        int next = p.protocol();
        int from = p.offset() + head;
        int n = p.end() - head;
        byte[] z = c.compress(p.buffer(), from, n);
        if (z.length + HEADER >= n) {
            // RFC 3173 2.2: not worth it, sent as it is
            Envelope.fix(p, version, head, field, next);
            return;
        }
        p.length(head);
        int at = p.append(HEADER + z.length);
        byte[] b = p.buffer();
        b[at] = (byte) next;
        b[at + 1] = 0;
        int cpi = cpi(entry.sa(), c);
        b[at + 2] = (byte) (cpi >> 8);
        b[at + 3] = (byte) cpi;
        System.arraycopy(z, 0, b, at + HEADER, z.length);
        Envelope.fix(p, version, head, field, IpProtocol.IPCOMP.number());
    }

    Opened open(Packet in, long cpi, SaEntry entry, SaCrypto crypto, Packet out, Opened into)
            throws XformException {
        PacketCompressor c = compressor(entry, crypto);
        int off = in.offset() + in.upperOffset();
        int end = in.offset() + in.end();
        byte[] plain;
        try {
            plain = c.decompress(in.buffer(), off + HEADER, end - off - HEADER, MAX_INFLATED);
        } catch (DataFormatException e) {
            throw new XformException(XformFailure.COMPRESSION_FAILED, "IPComp CPI " + cpi + " payload of "
                    + (end - off - HEADER) + " bytes does not inflate: " + e.getMessage());
        }
        return Xform.finish(in, in.buffer()[off] & 0xff, plain, 0, plain.length, 0, out, into);
    }

    private static PacketCompressor compressor(SaEntry entry, SaCrypto crypto) throws XformException {
        if (crypto.compressor() == null) {
            throw new XformException(XformFailure.NO_TRANSFORM, "IPComp SA " + entry.sa().id()
                    + " has no -C algorithm");
        }
        return crypto.compressor();
    }
}
