package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.RecordingListener;
import org.jsetkey.engine.spd.Spd;
import org.junit.jupiter.api.Test;

/** The SPD, SAD and bulk parts' plumbing (not their speed), on small tables and short slices. */
class TableBenchesTest {
    private static final Interleaved.Timing SHORT = new Interleaved.Timing(5, 20, 2, 5_000, 10);

    @Test
    void spdRowsCompareEachSizeWithTheSmallest() throws Exception {
        List<BenchRow> rows = new SpdBench(SHORT, 10, 100, 1000).run(new BenchRun(1, s -> { }));
        assertEquals(List.of("lookup, 100 policies vs 10", "lookup, 1.0k policies vs 10",
                "lookup, 1.0k policies vs memory"), rows.stream().map(BenchRow::name).toList());
        assertEquals("-", rows.get(0).target());
        assertEquals("<= 3.00x", rows.get(1).target());
        assertTrue(rows.get(1).figure().endsWith(" ns") && rows.get(1).ratio() > 0, rows.toString());
        assertEquals(rows.get(1).figure(), rows.get(2).figure());
        assertTrue(rows.get(2).baseline().matches("\\d+ ns random read of 64 KiB") && rows.get(2).ratio() > 0,
                rows.toString());
    }

    @Test
    void sadRowsGiveLookupInsertAndHeapPerSa() throws Exception {
        List<BenchRow> rows = new SadBench(SHORT, 100, 20_000).run(new BenchRun(1, s -> { }));
        assertEquals(List.of("lookup by SPI, 20k SAs vs 100", "insert+delete, 20k SAs vs 100",
                "outbound SA choice, 20k SAs vs 100", "lookup by SPI, 20k SAs vs memory",
                "outbound SA choice, 20k SAs vs memory", "insert+delete, 20k SAs vs memory",
                "heap per SA beyond keys, 20k SAs"), rows.stream().map(BenchRow::name).toList());
        // the targets: lookup and outbound choice against memory, insert+delete against the small SAD
        assertEquals(List.of("-", "<= 3.00x", "-", "<= 2.00x", "<= 2.00x", "-", "<= 1.00x"),
                rows.stream().map(BenchRow::target).toList());
        for (int i = 3; i < 6; i++) {
            // 20k SAs: 65,536 slots of 32 bytes
            assertTrue(rows.get(i).baseline().matches("\\d+ ns random read of 2 MiB") && rows.get(i).ratio() > 0,
                    rows.toString());
        }
        assertEquals(rows.get(0).figure(), rows.get(3).figure());
        assertTrue(rows.get(6).figure().endsWith(" B") && rows.get(6).baseline().equals("1024 B"), rows.toString());
    }

    @Test
    void bulkStatementsLoadAsSasAndRowsCarryTheTargets() throws Exception {
        String text = BulkBench.addStatements(300);
        Sad sad = new Sad(Clock.systemUTC(), new EventBus());
        RecordingListener listener = new RecordingListener();
        new Setkey(sad, new Spd(Clock.systemUTC(), new EventBus()), 1).run(text, "t", listener);
        assertEquals(List.of(), listener.formatted());
        assertEquals(300, sad.size());
        List<BenchRow> rows = new BulkBench(300).run(new BenchRun(1, s -> { }));
        assertEquals(List.of(">= 1.00x", "<= 1.00x"), rows.stream().map(BenchRow::target).toList());
    }
}
