package org.jsetkey.engine.xform;

import java.util.zip.DataFormatException;

import org.jsetkey.engine.crypto.PacketCompressor;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpProtocol;
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

    byte[] seal(Envelope env, SaEntry entry, SaCrypto crypto) throws XformException {
        PacketCompressor c = compressor(entry, crypto);
        byte[] payload = env.payload();
        byte[] z = c.compress(payload, 0, payload.length);
        if (z.length + HEADER >= payload.length) {
            return env.assemble(env.nextHeader(), payload);
        }
        byte[] body = new byte[HEADER + z.length];
        body[0] = (byte) env.nextHeader();
        int cpi = cpi(entry.sa(), c);
        body[2] = (byte) (cpi >> 8);
        body[3] = (byte) cpi;
        System.arraycopy(z, 0, body, HEADER, z.length);
        return env.assemble(IpProtocol.IPCOMP.number(), body);
    }

    Opened open(byte[] ip, IpsecHeader h, int end, SaEntry entry, SaCrypto crypto) throws XformException {
        PacketCompressor c = compressor(entry, crypto);
        int off = h.offset();
        byte[] plain;
        try {
            plain = c.decompress(ip, off + HEADER, end - off - HEADER, MAX_INFLATED);
        } catch (DataFormatException e) {
            throw new XformException(XformFailure.COMPRESSION_FAILED, "IPComp CPI " + h.spi() + " payload of "
                    + (end - off - HEADER) + " bytes does not inflate: " + e.getMessage());
        }
        return Xform.finish(ip, h, ip[off] & 0xff, plain, 0);
    }

    private static PacketCompressor compressor(SaEntry entry, SaCrypto crypto) throws XformException {
        if (crypto.compressor() == null) {
            throw new XformException(XformFailure.NO_TRANSFORM, "IPComp SA " + entry.sa().id()
                    + " has no -C algorithm");
        }
        return crypto.compressor();
    }
}
