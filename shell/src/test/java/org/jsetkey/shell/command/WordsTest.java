package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void splitsOnBlanksAndGroupsQuotes() {
        assertEquals(List.of("sysctl", "-n", "a.b=1"), Words.split("  sysctl  -n\ta.b=1 "));
        assertEquals(List.of("echo", "a b", "c'd", ""), Words.split("echo \"a b\" \"c'd\" ''"));
    }

    @Test
    void firstWordStopsAtSemicolon() {
        assertEquals("spddump", Words.first("  spddump;"));
        assertEquals("", Words.first(";"));
    }
}
