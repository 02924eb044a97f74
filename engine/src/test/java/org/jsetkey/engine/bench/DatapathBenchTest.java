package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The part's plumbing (not its speed): every suite seals, opens, and is reported against its limit. */
class DatapathBenchTest {
    @Test
    void everySuiteIsMeasuredAgainstItsLimit() throws Exception {
        List<String> progress = new ArrayList<>();
        DatapathBench part = new DatapathBench(new Interleaved.Timing(5, 20, 2, 5_000, 10));
        List<BenchRow> rows = part.run(new BenchRun(1, progress::add));
        List<String> names = rows.stream().map(BenchRow::name).toList();
        assertEquals(List.of("esp aes-gcm-16 seal+open", "esp aes-cbc + hmac-sha2-256 seal+open",
                "esp aes-ctr + hmac-sha1 seal+open", "esp chacha20-poly1305 seal+open",
                "esp blowfish-cbc + hmac-md5 seal+open", "ah hmac-sha1 seal+open",
                "esp aes-gcm-16 bytes allocated per seal+open",
                "esp aes-cbc + hmac-sha2-256 bytes allocated per seal+open"), names);
        for (BenchRow r : rows.subList(6, 8)) {
            assertTrue(r.figure().matches("\\d+ B") && r.ratio() > 0, r.toString());
            assertEquals("-", r.target());
        }
        assertTrue(rows.get(6).baseline().matches("\\d+ B JCE AES/GCM"), rows.get(6).baseline());
        for (BenchRow r : rows.subList(0, 6)) {
            assertTrue(r.ratio() > 0 && r.figure().endsWith(" pkt/s"), r.toString());
            assertEquals(">= 0.85x", r.target());
        }
        assertTrue(rows.get(0).baseline().endsWith("JCE AES/GCM"), rows.get(0).baseline());
    }

    @Test
    void theLimitCiphersTheSameBytesEspDoes() {
        assertEquals(1384, DatapathBench.padded(1380, 4));
        assertEquals(1392, DatapathBench.padded(1380, 16));
        assertEquals(1384, DatapathBench.padded(1380, 8));
    }
}
