package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program on a real terminal: jsetkey runs in a detached tmux session (on a
 * private tmux server), keys go in with send-keys and the screen comes back with capture-pane.
 */
class TmuxConsoleIT {
    private static final String PROMPT = "jsetkey[phoenix]>";

    @TempDir
    Path dir;

    private final String session = "console";
    private Tmux tmux;

    private String screen() throws Exception {
        return tmux.screen(session);
    }

    private String await(Predicate<String> test, String what, int seconds) throws Exception {
        return tmux.await(session, test, what, seconds);
    }

    private String awaitText(String fragment) throws Exception {
        return tmux.awaitText(session, fragment);
    }

    /** Lines of the screen that are the prompt followed by nothing: how many times the console is ready. */
    private static long idlePrompts(String screen) {
        return screen.lines().filter(l -> l.strip().equals(PROMPT)).count();
    }

    private void keys(String literal) throws Exception {
        tmux.keys(session, literal);
    }

    private void press(String key) throws Exception {
        tmux.press(session, key);
    }

    @BeforeEach
    void start() throws Exception {
        tmux = Tmux.require();
        tmux.run("new-session", "-d", "-s", session, "-x", "200", "-y", "50", tmux.jsetkey(dir,
                "-Xlog:class+load=info:file='" + dir.resolve("classes.log") + "'", "--name phoenix --addr 192.0.2.10"));
        await(s -> s.contains(PROMPT), "the prompt", 60);
    }

    /** Ends our private tmux server and the program in it, if they still run. */
    @AfterEach
    void stop() throws Exception {
        tmux.close();
    }

    @Test
    void completionContinuationCtrlCAndExitOnARealTerminal() throws Exception {
        keys("add 192.0.2.10 198.51.100.20 ah 15700 -A hm");
        press("Tab");
        String s = await(t -> t.contains("hmac-ripemd160") && t.contains("hmac-sha2-512"), "the hmac candidates", 15);
        assertTrue(s.contains("16 bytes, HMAC-MD5-96"), s);
        assertTrue(!s.contains("keyed-md5") && !s.contains("aes-xcbc-mac"), "only hmac-* offered:\n" + s);

        long before = idlePrompts(screen());
        press("C-c");
        await(t -> idlePrompts(t) > before, "a fresh prompt after Ctrl-C", 10);
        keys("add 192.0.2.10 198.51.100.20");
        press("Enter");
        awaitText("                >");
        keys("esp 15701 -E null;");
        press("Enter");
        awaitText("                > esp 15701 -E null;");
        keys("dump");
        press("Enter");
        s = awaitText("esp mode=any spi=15701(0x00003d55)");
        assertTrue(s.contains("192.0.2.10 198.51.100.20"), s);

        keys("sleep 30");
        press("Enter");
        Thread.sleep(500);
        press("C-c");
        s = await(t -> t.contains("sleep: interrupted") && t.strip().endsWith(PROMPT), "sleep stopped by Ctrl-C", 10);

        keys("exit");
        press("Enter");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (tmux.run("has-session", "-t", session) != null && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(null, tmux.run("has-session", "-t", session), "the program did not exit");
        List<String> groovy = Files.readAllLines(dir.resolve("classes.log")).stream()
                .filter(l -> l.contains(" groovy.") || l.contains(" org.codehaus.groovy.")
                        || l.contains(" org.apache.groovy.")).toList();
        assertEquals(List.of(), groovy, "the console loaded Groovy classes without being asked to");
        List<String> history = Files.readAllLines(dir.resolve("history"));
        assertTrue(history.stream().anyMatch(l -> l.contains("198.51.100.20") && l.contains("esp 15701")),
                "the two-line statement is one history entry: " + history);
    }

    @Test
    void ctrlCStopsAGroovyBusyLoopAndTheConsoleStillWorks() throws Exception {
        keys("add 192.0.2.10 198.51.100.20 esp 15701 -E null;");
        press("Enter");
        keys("groovy 'loading'");
        press("Enter");
        await(t -> t.strip().endsWith("loading\n" + PROMPT) , "Groovy loaded", 60);
        keys("groovy while (true) { }");
        press("Enter");
        Thread.sleep(1000);
        assertTrue(!screen().strip().endsWith(PROMPT), "the loop should still be running:\n" + screen());
        long start = System.nanoTime();
        press("C-c");
        await(t -> t.contains("groovy: interrupted") && t.strip().endsWith(PROMPT), "the prompt after Ctrl-C", 10);
        long promptMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        keys("dump");
        press("Enter");
        String s = awaitText("esp mode=any spi=15701(0x00003d55)");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 2000, "prompt after " + promptMillis + " ms, dump after " + millis + " ms:\n" + s);
    }

    @Test
    void ctrlCEndsTheDashXMonitorAsItEndsSetkey() throws Exception {
        String x = "dashx";
        tmux.run("new-session", "-d", "-s", x, "-x", "200", "-y", "50", tmux.jsetkey(dir, "", "--name phoenix -x"));
        tmux.await(x, t -> t.contains(PROMPT), "the -x console", 60);
        tmux.keys(x, "add 192.0.2.1 192.0.2.2 esp 0x300 -E null;");
        tmux.press(x, "Enter");
        tmux.await(x, t -> t.contains("sadb_msg{ version=2 type=3"), "the ADD message", 15);
        tmux.press(x, "C-c");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tmux.run("has-session", "-t", x) != null && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(null, tmux.run("has-session", "-t", x), "Ctrl-C did not end jsetkey -x");
    }
}
