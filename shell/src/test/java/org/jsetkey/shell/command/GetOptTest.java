package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GetOptTest {
    @Test
    void valuesAttachedOrSeparateClustersAndCounts() {
        GetOpt g = GetOpt.parse(Synopsis.parse("x [-c N] [-sqn]"), List.of("-c5", "-ssq", "-n", "dest", "-c", "7"));
        assertEquals("7", g.value('c'));
        assertEquals(2, g.count('s'));
        assertTrue(g.has('q') && g.has('n'));
        assertEquals(List.of("dest"), g.operands());
    }

    @Test
    void doubleDashEndsOptions() {
        assertEquals(List.of("-x"), GetOpt.parse(Synopsis.parse("x [-q]"), List.of("--", "-x")).operands());
    }

    @Test
    void unknownOptionAndMissingValueUseGetoptWords() {
        assertEquals("invalid option -- 'z'",
                assertThrows(IllegalArgumentException.class, () -> GetOpt.parse(Synopsis.parse("x [-c N]"), List.of("-z"))).getMessage());
        assertEquals("option requires an argument -- 'c'",
                assertThrows(IllegalArgumentException.class, () -> GetOpt.parse(Synopsis.parse("x [-c N]"), List.of("-c"))).getMessage());
    }

    @Test
    void longOptionsAndRepeatedFlagsAsTheSynopsisWritesThem() {
        Synopsis s = Synopsis.parse("x [-x | -xx] [--print] [--format A|B] [FILE]");
        GetOpt g = GetOpt.parse(s, List.of("-xx", "--print", "--format=B", "f"));
        assertEquals(2, g.count('x'));
        assertTrue(g.has("print"));
        assertEquals("B", g.value("format"));
        assertEquals("A", GetOpt.parse(s, List.of("--format", "A")).value("format"));
        assertEquals(List.of("f"), g.operands());
        assertEquals("unrecognized option '--pri'",
                assertThrows(IllegalArgumentException.class, () -> GetOpt.parse(s, List.of("--pri"))).getMessage());
        assertEquals("option '--format' requires an argument",
                assertThrows(IllegalArgumentException.class, () -> GetOpt.parse(s, List.of("--format"))).getMessage());
    }
}
