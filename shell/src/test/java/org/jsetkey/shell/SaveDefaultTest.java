package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code save} without FILE writes: the autosave file, else the profile's ipsec_file, else nothing. */
class SaveDefaultTest {
    @TempDir
    Path dir;

    @Test
    void withoutAutosaveOrProfileItFailsAndSaysWhy() {
        InProcessRun r = InProcessRun.of("save\n");
        assertEquals(1, r.status());
        assertEquals("save: no FILE, and no default (start with --autosave FILE, or --rc with ipsec_file)\n", r.err());
    }

    @Test
    void withAutosaveItRewritesTheAutosaveFile() throws Exception {
        Path file = dir.resolve("h.autosave");
        InProcessRun r = InProcessRun.of("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nsave\n", "--autosave", file.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("save: written to " + file + "\n", r.out());
        assertTrue(Files.readString(file).contains("\nadd 10.0.0.1 10.0.0.2 esp 4096 "), Files.readString(file));
        InProcessRun again = InProcessRun.of("dump\n", "--autosave", file.toString());
        assertTrue(again.out().startsWith("Restoring keys, policies and sysctls from " + file + ".\n10.0.0.1 10.0.0.2\n"),
                again.out());
    }

    @Test
    void withAProfileItWritesTheIpsecFileTheNextBootLoads() throws Exception {
        Path rc = dir.resolve("rc.conf");
        Files.writeString(rc, "hostname=\"h\"\nipsec_enable=\"YES\"\nipsec_file=\"ipsec.conf\"\n");
        Files.writeString(dir.resolve("ipsec.conf"), "flush;\n");
        InProcessRun r = InProcessRun.of("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nsave\n", "--rc", rc.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("save: written to " + dir.resolve("ipsec.conf") + "\n"), r.out());
        InProcessRun again = InProcessRun.of("dump\n", "--rc", rc.toString());
        assertTrue(again.out().contains("\tesp mode=any spi=4096(0x00001000)"), again.out());
    }
}
