package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.bench.BenchRow;
import org.jsetkey.engine.bench.BenchRun;
import org.junit.jupiter.api.Test;

/** The start-up part's plumbing (not its speed): it launches the program and finds its prompt. */
class StartupBenchIT {
    @Test
    void launchesJavaVersionTheBatchRunAndTheConsoleEachRound() throws Exception {
        List<String> progress = new ArrayList<>();
        List<BenchRow> rows = new StartupBench().run(new BenchRun(1, progress::add));
        assertEquals(List.of("-c < small.conf", "ready prompt"), rows.stream().map(BenchRow::name).toList());
        assertEquals(List.of("<= 4.00x", "<= 5.00x"), rows.stream().map(BenchRow::target).toList());
        for (BenchRow r : rows) {
            assertTrue(r.ratio() > 1 && r.baseline().endsWith("ms java -version"), r.toString());
        }
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("round 1: java -version ")), progress.toString());
    }
}
