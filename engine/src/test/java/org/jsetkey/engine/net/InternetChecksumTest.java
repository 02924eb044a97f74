package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class InternetChecksumTest {
    /** RFC 1071 4.1's example: the words 0001 f203 f4f5 f6f7 sum to ddf2 (checksum 220d). */
    @Test
    void rfc1071Example() {
        byte[] b = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0x220d, InternetChecksum.compute(b, 0, b.length));
    }

    /** Word by word, as the RFC defines it, at every offset and length (odd ones padded with a zero byte). */
    @Test
    void equalsTheWordByWordSumAtAnyOffsetAndLength() {
        Random r = new Random(7);
        byte[] b = new byte[300];
        for (int round = 0; round < 2000; round++) {
            r.nextBytes(b);
            int off = r.nextInt(40);
            int len = r.nextInt(b.length - off);
            long sum = r.nextInt(1 << 20);
            long want = sum;
            for (int i = 0; i < len; i += 2) {
                int hi = b[off + i] & 0xff;
                int lo = i + 1 < len ? b[off + i + 1] & 0xff : 0;
                want += (hi << 8) | lo;
            }
            assertEquals(InternetChecksum.finish(want), InternetChecksum.finish(InternetChecksum.add(sum, b, off, len)),
                    "offset " + off + ", length " + len);
        }
    }
}
