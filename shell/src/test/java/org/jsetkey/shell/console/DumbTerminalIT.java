package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on a terminal that says it is dumb (TERM=dumb, as Emacs' shell buffers and some
 * IDE consoles do): the terminal driver turns Ctrl-C into SIGINT, which must cancel the line or
 * the running command as on any other terminal, not end the program.
 */
class DumbTerminalIT {
    private static final String PROMPT = TmuxSession.PROMPT;

    @TempDir
    Path dir;

    private Tmux tmux;
    private final String s = "dumb";

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void ctrlCCancelsTheLineAndTheRunningCommandAndTheConsoleGoesOn() throws Exception {
        tmux = Tmux.require();
        tmux.run("new-session", "-d", "-s", s, "-x", "160", "-y", "40",
                "export TERM=dumb && " + tmux.jsetkey(dir, "", "--name phoenix --addr 192.0.2.10"));
        tmux.await(s, t -> TmuxSession.lastLine(t).equals(PROMPT), "the prompt", 90);

        tmux.keys(s, "add 192.0.2.10 192.0.2.20 esp 0x100 -E null;");
        tmux.press(s, "Enter");
        tmux.await(s, t -> t.contains("-E null;") && TmuxSession.lastLine(t).equals(PROMPT), "the add", 30);
        tmux.keys(s, "flush;");
        tmux.awaitText(s, PROMPT + " flush;");
        tmux.press(s, "C-c");
        // a dumb terminal cannot move the cursor: the new prompt follows the ^C the driver echoed
        tmux.await(s, t -> TmuxSession.lastLine(t).endsWith("flush;^C" + PROMPT), "a new prompt after Ctrl-C", 30);
        tmux.keys(s, "dump");
        tmux.press(s, "Enter");
        String screen = tmux.await(s, t -> t.contains("esp mode=any spi=256(0x00000100)")
                && TmuxSession.lastLine(t).equals(PROMPT), "the SA still there after the cancelled flush", 30);
        assertTrue(!screen.contains("No SAD entries."), screen);

        tmux.keys(s, "sleep 30");
        tmux.press(s, "Enter");
        tmux.awaitText(s, PROMPT + " sleep 30");
        long start = System.nanoTime();
        tmux.press(s, "C-c");
        tmux.await(s, t -> t.contains("sleep: interrupted") && TmuxSession.lastLine(t).equals(PROMPT),
                "the prompt after Ctrl-C stopped sleep", 20);
        assertTrue(System.nanoTime() - start < 20_000_000_000L);

        tmux.keys(s, "exit");
        tmux.press(s, "Enter");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (tmux.run("has-session", "-t", s) != null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(tmux.run("has-session", "-t", s) == null, "exit ended the program, whose pane closed");
    }
}
