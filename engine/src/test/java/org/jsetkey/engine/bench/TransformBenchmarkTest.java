package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark's plumbing (not its speed): every case loads, runs, and is reported against the baseline. */
class TransformBenchmarkTest {
    @Test
    void everyDefaultCaseRunsAndIsReportedAsARatioToTheBaseline() throws Exception {
        List<String> progress = new ArrayList<>();
        List<TransformBenchmark.Result> results =
                TransformBenchmark.run(TransformBenchmark.defaultCases(), 56, 1, 5, progress::add);
        assertEquals(TransformBenchmark.defaultCases().size(), results.size());
        assertEquals(1.0, results.get(0).ratio(), 1e-9);
        for (TransformBenchmark.Result r : results) {
            assertTrue(r.packetsPerSecond() > 0, r.label());
        }
        assertEquals(List.of("round 1/1 done"), progress);
        String report = TransformBenchmark.format(results, 56);
        assertTrue(report.startsWith("seal+open of one 84-byte ICMP packet, transport mode"), report);
        assertTrue(report.contains("esp aes-gcm-16 (128)"), report);
    }
}
