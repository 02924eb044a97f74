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

    /** The classic header 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7 carries b861, whatever its field holds now. */
    @Test
    void ipv4HeaderChecksumIgnoresTheFieldItReplaces() {
        byte[] h = java.util.HexFormat.of().parseHex("450000730000400040110000c0a80001c0a800c7");
        assertEquals(0xb861, InternetChecksum.ipv4Header(h, 0, 20));
        h[10] = (byte) 0x12;
        h[11] = (byte) 0x34;
        assertEquals(0xb861, InternetChecksum.ipv4Header(h, 0, 20));
    }

    /** With and without options, at any offset: the same as the whole header summed with a zero field. */
    @Test
    void ipv4HeaderChecksumEqualsTheSumWithAZeroField() {
        Random r = new Random(11);
        byte[] b = new byte[100];
        for (int round = 0; round < 2000; round++) {
            r.nextBytes(b);
            int off = r.nextInt(40);
            // 0 to 60 bytes: a malformed IHL below 3 words leaves the field outside the header
            int ihl = 4 * r.nextInt(16);
            byte[] zeroed = java.util.Arrays.copyOfRange(b, off, off + ihl);
            if (ihl >= 12) {
                zeroed[10] = 0;
                zeroed[11] = 0;
            }
            assertEquals(InternetChecksum.compute(zeroed, 0, ihl), InternetChecksum.ipv4Header(b, off, ihl),
                    "offset " + off + ", header length " + ihl);
        }
    }
}
