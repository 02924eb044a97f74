package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HistoryFileTest {
    @Test
    void defaultsToTheHomeDirectory() {
        assertEquals(Path.of("/home/u/.jsetkey_history"), HistoryFile.location(Map.of(), "/home/u"));
    }

    @Test
    void environmentOverrides() {
        assertEquals(Path.of("/tmp/h"), HistoryFile.location(Map.of("JSETKEY_HISTORY", "/tmp/h"), "/home/u"));
        assertEquals(Path.of("/home/u/.jsetkey_history"), HistoryFile.location(Map.of("JSETKEY_HISTORY", " "), "/home/u"));
    }
}
