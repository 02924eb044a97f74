package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.jsetkey.shell.console.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles in two tmux panes, as {@code scripts/pair} opens them: a trace running in
 * cardinal's console prints above a statement being typed there, and the statement survives.
 */
class TmuxPairIT {
    private static final String CARDINAL = "lab:0.0";
    private static final String PHOENIX = "lab:0.1";

    @TempDir
    Path dir;

    private Tmux tmux;

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void traceLinesPrintAboveAStatementBeingTypedAndTheStatementSurvives() throws Exception {
        LabProfiles lab = new LabProfiles(dir, UnaryOperator.identity());
        tmux = Tmux.require();
        tmux.run("new-session", "-d", "-s", "lab", "-x", "240", "-y", "50",
                tmux.jsetkey(dir, "", "--rc '" + lab.cardinalRc + "'"));
        tmux.run("split-window", "-h", "-t", "lab", tmux.jsetkey(dir, "", "--rc '" + lab.phoenixRc + "'"));
        tmux.await(CARDINAL, s -> s.contains("jsetkey[cardinal]>"), "cardinal's prompt", 60);
        tmux.await(PHOENIX, s -> s.contains("jsetkey[phoenix]>"), "phoenix's prompt", 60);

        tmux.keys(CARDINAL, "tcpdump");
        tmux.press(CARDINAL, "Enter");
        tmux.awaitText(CARDINAL, "listening on");
        String partial = "add 192.0.2.10 198.51.100.20 esp 0x999 -E rijndael-cbc";
        tmux.keys(CARDINAL, partial);
        tmux.awaitText(CARDINAL, partial);

        tmux.keys(PHOENIX, "ping -c 3 -i 0.2 198.51.100.20");
        tmux.press(PHOENIX, "Enter");
        tmux.awaitText(PHOENIX, "3 packets transmitted, 3 received");

        String screen = tmux.await(CARDINAL, s -> s.split("ESP\\(spi=", -1).length > 6,
                "six AH/ESP trace lines", 15);
        String last = screen.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("jsetkey[cardinal]> " + partial), "the statement is intact below the trace:\n"
                + screen);
        assertTrue(screen.indexOf("AH(spi=0x00003d54,seq=0x3") < screen.lastIndexOf(partial),
                "the trace printed above the line being typed:\n" + screen);

        tmux.keys(CARDINAL, " 0x00112233445566778899aabbccddeeff;");
        tmux.press(CARDINAL, "Enter");
        tmux.keys(CARDINAL, "dump esp");
        tmux.press(CARDINAL, "Enter");
        tmux.awaitText(CARDINAL, "spi=2457(0x00000999)");
    }
}
