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
        Files.writeString(dir.resolve("ipsec.conf"), "# written by jsetkey; load it with: jsetkey -f FILE\nflush;\n");
        InProcessRun r = InProcessRun.of("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nsave\n", "--rc", rc.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("save: written to " + dir.resolve("ipsec.conf") + "\n"), r.out());
        InProcessRun again = InProcessRun.of("dump\n", "--rc", rc.toString());
        assertTrue(again.out().contains("\tesp mode=any spi=4096(0x00001000)"), again.out());
    }

    @Test
    void aHandWrittenIpsecFileIsKeptUntilItIsNamed() throws Exception {
        Path rc = dir.resolve("rc.conf");
        Files.writeString(rc, "hostname=\"h\"\nipsec_enable=\"YES\"\nipsec_file=\"ipsec.conf\"\n");
        Path conf = dir.resolve("ipsec.conf");
        String mine = "# my tunnel to the office\nflush;\n";
        Files.writeString(conf, mine);
        InProcessRun r = InProcessRun.of("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nsave\n", "--rc", rc.toString());
        assertEquals(1, r.status());
        assertEquals("save: " + conf + " was not written by jsetkey and is kept (its comments and layout would be"
                + " lost); 'save " + conf + "' replaces it, 'save FILE' writes elsewhere\n", r.err());
        assertEquals(mine, Files.readString(conf));
        r = InProcessRun.of("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nsave " + conf + "\n", "--rc", rc.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(conf).startsWith("# written by jsetkey"), Files.readString(conf));
        r = InProcessRun.of("add 10.0.0.2 10.0.0.1 esp 0x1001 -E null;\nsave\n", "--rc", rc.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(conf).contains("\nadd 10.0.0.2 10.0.0.1 esp 4097 "), Files.readString(conf));
    }

    @Test
    void fileErrorsNameTheUsersFileAndTheReason() throws Exception {
        InProcessRun r = InProcessRun.of("", "--autosave", "/nonexistent-hostile/x.save", "-D");
        assertEquals(1, r.status());
        assertEquals("jsetkey: autosave: /nonexistent-hostile/x.save: No such file or directory\n", r.err());
        r = InProcessRun.of("", "--autosave", dir.toString(), "-D");
        assertEquals(1, r.status());
        assertEquals("jsetkey: autosave: " + dir + ": Is a directory\n", r.err());
        r = InProcessRun.of("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nsave " + dir + "\n");
        assertEquals(1, r.status());
        assertEquals("save: " + dir + ": Is a directory\n", r.err());
    }
}
