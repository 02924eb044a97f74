package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peer check} between two jsetkey processes started from the shipped phoenix and cardinal profiles. */
class PeerCheckProcessesIT {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) { }

    private Run phoenixChecks(UnaryOperator<String> cardinalKeys, String commands) throws Exception {
        LabProfiles lab = new LabProfiles(dir, cardinalKeys);
        try (JsetkeyProcess c = JsetkeyProcess.start("--rc", lab.cardinalRc.toString())) {
            c.send("echo cardinal-ready\n");
            assertTrue(c.awaitOut("cardinal-ready", 60), () -> "cardinal did not start: " + c.out() + c.err());
            try (JsetkeyProcess p = JsetkeyProcess.start("--rc", lab.phoenixRc.toString())) {
                p.send(commands);
                int status = p.finish(90);
                Run r = new Run(status, p.out(), p.err());
                c.send("exit\n");
                assertEquals(0, c.finish(30), c.err());
                return r;
            }
        }
    }

    @Test
    void theShippedPairAllMatchesAndExitsZero() throws Exception {
        Run r = phoenixChecks(UnaryOperator.identity(), "peer check -t 20\ngroovy peerCheck('cardinal').ok\n");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("peer check phoenix <-> cardinal (127.0.0.1:"), r.out());
        assertTrue(r.out().contains("  ok        esp SPI 15701 for 192.0.2.10->198.51.100.20: phoenix sends, cardinal"
                + " holds the same SA (any -E blowfish-cbc, same keys)\n"), r.out());
        assertTrue(r.out().matches("(?s).*\ncardinal: \\d+ checked, all match\n.*"), r.out());
        assertTrue(r.out().endsWith("true\n"), r.out());
    }

    @Test
    void aWrongSpiOnCardinalIsNamedWithItsFixAndExitsOne() throws Exception {
        Run r = phoenixChecks(keys -> keys.replace("esp 15701", "esp 15702"), "peer check -t 20 cardinal\n");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("  MISMATCH  cardinal expects esp SPI 15702 for 192.0.2.10->198.51.100.20;"
                + " phoenix sends 15701\n            fix: use one SPI on both hosts: on cardinal `delete 192.0.2.10"
                + " 198.51.100.20 esp 15702;`"), r.out());
        assertTrue(r.out().matches("(?s).*\ncardinal: \\d+ checked, 1 mismatch\n.*"), r.out());
    }
}
