package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real terminal stops what runs in the foreground and gives the prompt back with
 * the console usable: a Groovy {@code ping}, a Groovy {@code capture} waiting for packets,
 * a {@code dump} of 100,000 SAs whose output is cut off, a Groovy script under {@code run}, and a
 * Groovy {@code waitFor}.
 */
class CtrlCIT {
    private static final String PROMPT = TmuxSession.PROMPT;
    private static final int SAS = 100_000;

    @TempDir
    Path dir;

    private TmuxSession console;
    private Tmux tmux;
    private String s;

    private void open(String arguments) throws Exception {
        console = TmuxSession.open(dir, "ctrlc", arguments);
        tmux = console.tmux;
        s = console.name;
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void enter(String text) throws Exception {
        tmux.keys(s, text);
        tmux.press(s, "Enter");
    }

    private static String lastLine(String screen) {
        return TmuxSession.lastLine(screen);
    }

    private static int count(String text, String fragment) {
        int n = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Presses Ctrl-C and returns how long until {@code prompt} is the last line with one more
     * {@code interrupted} above than {@code before}.
     */
    private long ctrlC(String prompt, String interrupted, int before) throws Exception {
        long start = System.nanoTime();
        tmux.press(s, "C-c");
        tmux.await(s, t -> lastLine(t).equals(prompt)
                && count(tmuxHistory(), interrupted) > before, "the prompt after Ctrl-C", 10);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private String tmuxHistory() {
        try {
            return tmux.run("capture-pane", "-p", "-t", s, "-S", "-2000");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ctrlCStopsAGroovyPingAndACaptureAndGroovyGoesOn() throws Exception {
        open("");
        enter("groovy");
        tmux.await(s, t -> lastLine(t).equals("groovy>"), "the Groovy mode (Groovy loads on first use)", 90);
        enter("c = newHost(name: 'cardinal', addr: '198.51.100.20'); "
                + "p = newHost(name: 'peer', addr: '192.0.2.11', peer: c); 'hosts-ready'");
        tmux.await(s, t -> t.contains("hosts-ready") && lastLine(t).equals("groovy>"), "the two hosts", 30);

        enter("p.ping('198.51.100.20', count: 100000, interval: 0.2)");
        tmux.await(s, t -> t.contains("icmp_seq=3 "), "the third reply", 30);
        long pingMillis = ctrlC("groovy>", "interrupted", count(tmuxHistory(), "interrupted"));
        enter("6 * 7");
        tmux.await(s, t -> lastLine(t).equals("groovy>") && t.contains("\n42\n"), "Groovy working after the ping", 10);

        enter("c.capture(count: 1000000, timeout: 600) { }");
        Thread.sleep(1000);
        assertFalse(lastLine(tmux.screen(s)).equals("groovy>"), "the capture should still be waiting");
        long captureMillis = ctrlC("groovy>", "interrupted", count(tmuxHistory(), "interrupted"));
        enter("p.ping('198.51.100.20', count: 1).received");
        tmux.await(s, t -> lastLine(t).equals("groovy>") && t.strip().endsWith("1\ngroovy>"),
                "a ping after the capture", 10);
        assertTrue(pingMillis < 2000 && captureMillis < 2000,
                "prompt back after Ctrl-C: ping " + pingMillis + " ms, capture " + captureMillis + " ms");
    }

    @Test
    void ctrlCCutsOffALongDumpAndTheConsoleGoesOn() throws Exception {
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < SAS; i++) {
            conf.append("add 10.").append(i >> 16).append('.').append((i >> 8) & 0xff).append('.').append(i & 0xff)
                    .append(" 198.51.100.20 esp ").append(0x10000 + i).append(" -E rijndael-cbc 0x")
                    .append("0123456789abcdef".repeat(2)).append(";\n");
        }
        Files.writeString(dir.resolve("many.conf"), conf);
        open(" --boot many.conf");
        enter("dump");
        tmux.await(s, t -> t.contains("esp mode=any"), "the dump running", 30);
        long start = System.nanoTime();
        tmux.press(s, "C-c");
        String after = tmux.await(s, t -> lastLine(t).equals(PROMPT), "the prompt after Ctrl-C", 10);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(after.strip().endsWith("^C\n" + PROMPT), "the dump is cut off where Ctrl-C hit it:\n" + after);
        assertFalse(after.contains("sadb_seq=0 "), "the dump ran to its end:\n" + after);
        enter("echo still-here");
        tmux.await(s, t -> t.contains("still-here") && lastLine(t).equals(PROMPT), "echo after the dump", 10);
        assertTrue(millis < 2000, "prompt back " + millis + " ms after Ctrl-C");
    }

    @Test
    void ctrlCStopsARunFileAndAGroovyWaitFor() throws Exception {
        Files.writeString(dir.resolve("slow.groovy"), "println 'run-started'\nThread.sleep(600_000)\nprintln 'run-went-on'\n");
        open("");
        enter("run " + dir.resolve("slow.groovy"));
        tmux.await(s, t -> t.contains("run-started"), "the script started (Groovy loads on first use)", 90);
        Thread.sleep(300);
        long runMillis = ctrlC(PROMPT, "interrupted", count(tmuxHistory(), "interrupted"));
        enter("echo after-run");
        tmux.await(s, t -> t.contains("after-run") && lastLine(t).equals(PROMPT), "echo after the run", 10);
        assertFalse(tmuxHistory().contains("run-went-on"), "the run file went on after Ctrl-C:\n" + tmuxHistory());

        enter("groovy");
        tmux.await(s, t -> lastLine(t).equals("groovy>"), "the Groovy mode (Groovy loads on first use)", 90);
        enter("waitFor(600) { false }");
        Thread.sleep(1000);
        assertFalse(lastLine(tmux.screen(s)).equals("groovy>"), "waitFor should still be waiting");
        long waitMillis = ctrlC("groovy>", "interrupted", count(tmuxHistory(), "interrupted"));
        enter("6 * 7");
        tmux.await(s, t -> lastLine(t).equals("groovy>") && t.contains("\n42\n"), "Groovy working after waitFor", 10);
        assertTrue(runMillis < 2000 && waitMillis < 2000,
                "prompt back after Ctrl-C: run " + runMillis + " ms, waitFor " + waitMillis + " ms");
    }
}
