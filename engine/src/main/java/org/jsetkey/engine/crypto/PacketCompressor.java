package org.jsetkey.engine.crypto;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** IPComp DEFLATE (RFC 2394): raw deflate blocks, no zlib header, a fresh history per packet. */
public final class PacketCompressor {
    private final int cpi;

    PacketCompressor(int cpi) {
        this.cpi = cpi;
    }

    /** The well-known CPI of the algorithm (RFC 2407 4.4.5: deflate 2). */
    public int wellKnownCpi() {
        return cpi;
    }

    public byte[] compress(byte[] in, int off, int len) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(in, off, len);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(len);
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /**
     * Inflates at most {@code limit} bytes; throws {@link DataFormatException} for a corrupt stream,
     * one that does not end, or one that inflates beyond the limit.
     */
    public byte[] decompress(byte[] in, int off, int len, int limit) throws DataFormatException {
        Inflater inf = new Inflater(true);
        try {
            byte[] input = new byte[len + 1]; // raw inflate wants one spare byte at the end
            System.arraycopy(in, off, input, 0, len);
            inf.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(len * 2);
            byte[] buf = new byte[4096];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("deflate stream ends early");
                }
                out.write(buf, 0, n);
                if (out.size() > limit) {
                    throw new DataFormatException("inflates beyond " + limit + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }
}
