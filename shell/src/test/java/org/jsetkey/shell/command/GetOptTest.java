package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GetOptTest {
    @Test
    void valuesAttachedOrSeparateClustersAndCounts() {
        GetOpt g = GetOpt.parse("c:sqn", List.of("-c5", "-ssq", "-n", "dest", "-c", "7"));
        assertEquals("7", g.value('c'));
        assertEquals(2, g.count('s'));
        assertTrue(g.has('q') && g.has('n'));
        assertEquals(List.of("dest"), g.operands());
    }

    @Test
    void doubleDashEndsOptions() {
        assertEquals(List.of("-x"), GetOpt.parse("q", List.of("--", "-x")).operands());
    }

    @Test
    void unknownOptionAndMissingValueUseGetoptWords() {
        assertEquals("invalid option -- 'z'",
                assertThrows(IllegalArgumentException.class, () -> GetOpt.parse("c:", List.of("-z"))).getMessage());
        assertEquals("option requires an argument -- 'c'",
                assertThrows(IllegalArgumentException.class, () -> GetOpt.parse("c:", List.of("-c"))).getMessage());
    }
}
