package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchTableTest {
    @Test
    void rowsLineUpUnderTheHeadingsWithTheirVerdicts() {
        BenchTable table = new BenchTable();
        table.add("datapath", BenchRow.atLeast("esp aes-gcm-16 seal+open", "612k pkt/s", "700k pkt/s", 0.874, 0.8));
        table.add("spd", BenchRow.atMost("lookup at 100,000", "3.1 us", "0.9 us at 10", 3.44, 3));
        table.add("sad", BenchRow.info("heap per SA", "650 B", "-", Double.NaN));
        String[] lines = table.format().split(System.lineSeparator());
        assertEquals("part      measure                   figure      baseline      ratio  target    verdict", lines[0]);
        assertEquals("datapath  esp aes-gcm-16 seal+open  612k pkt/s  700k pkt/s    0.87x  >= 0.80x  met", lines[1]);
        assertEquals("spd       lookup at 100,000         3.1 us      0.9 us at 10  3.44x  <= 3.00x  MISSED", lines[2]);
        assertEquals("sad       heap per SA               650 B       -                 -  -         -", lines[3]);
        assertTrue(table.missed());
    }

    @Test
    void aTableWithoutMissesSaysSo() {
        BenchTable table = new BenchTable();
        table.add("x", BenchRow.atLeast("a", "1", "1", 1.0, 0.8));
        assertFalse(table.missed());
    }

    @Test
    void countsKeepThreeFigures() {
        assertEquals("612k", BenchRow.count(612_345.6));
        assertEquals("1.23M", BenchRow.count(1_234_000));
        assertEquals("7.1k", BenchRow.count(7_100));
        assertEquals("950", BenchRow.count(950));
    }
}
