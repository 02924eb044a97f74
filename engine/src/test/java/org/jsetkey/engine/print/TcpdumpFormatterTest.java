package org.jsetkey.engine.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Forged header chains that once sent the trace printer into endless recursion. */
class TcpdumpFormatterTest {
    private static byte[] ipv4(int ihlWords, int proto, int totalLength) {
        byte[] p = new byte[totalLength];
        p[0] = (byte) (0x40 | ihlWords);
        p[2] = (byte) (totalLength >> 8);
        p[3] = (byte) totalLength;
        p[8] = 64;
        p[9] = (byte) proto;
        p[12] = (byte) 192;
        p[15] = 10;
        p[16] = (byte) 198;
        p[19] = 20;
        return p;
    }

    @Test
    void aHeaderLengthOfZeroPrintsAsTcpdumpsBadHlen() {
        byte[] p = ipv4(0, 4, 40);
        for (boolean verbose : new boolean[] {false, true}) {
            assertEquals("IP bad-hlen 0", new TcpdumpFormatter(verbose, ZoneOffset.UTC).format(p));
        }
    }

    @Test
    void aLongChainOfAhHeadersEndsTruncatedInsteadOfOverflowingTheStack() {
        int chain = 5000;
        byte[] p = ipv4(5, 51, 20 + chain * 12);
        for (int i = 0; i < chain; i++) {
            int off = 20 + i * 12;
            p[off] = 51;       // next header: AH again
            p[off + 1] = 1;    // (1 + 2) * 4 = 12 bytes
        }
        String line = new TcpdumpFormatter(false, ZoneOffset.UTC).format(p);
        assertTrue(line.startsWith("IP 192.0.0.10 > 198.0.0.20: AH(spi=0x00000000,seq=0x0,icv=0x): AH("), line);
        assertTrue(line.endsWith(" [|ah]"), line);
        assertEquals(TcpdumpFormatter.MAX_NESTING + 1, line.split("AH\\(", -1).length - 1, line);
    }

    @Test
    void nestedIpInIpBeyondTheBoundEndsTruncated() {
        int layers = 2000;
        byte[] p = new byte[layers * 20];
        for (int i = 0; i < layers; i++) {
            byte[] h = ipv4(5, 4, p.length - i * 20);
            System.arraycopy(h, 0, p, i * 20, 20);
        }
        String line = new TcpdumpFormatter(true, ZoneOffset.UTC).format(p);
        assertTrue(line.endsWith("]"), line);
        assertEquals(TcpdumpFormatter.MAX_NESTING + 2, line.split("\\(tos ", -1).length - 1, line);
    }
}
