package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements with keys stay out of the history files, as a user finds them after leaving the
 * console on a real terminal: the setkey history and the Groovy one, entries typed with a
 * leading space never, entries with keys only after {@code set history-keys on}.
 */
class ConsoleHistoryIT {
    private static final String PROMPT = "jsetkey[phoenix]>";
    private static final String KEY_1 = "00112233445566778899aabbccddeeff";
    private static final String KEY_2 = "ffeeddccbbaa99887766554433221100";
    private static final String KEY_3 = "0102030405060708090a0b0c0d0e0f10";

    @TempDir
    Path dir;

    private Tmux tmux;
    private final String s = "history";

    @BeforeEach
    void start() throws Exception {
        tmux = Tmux.require();
        tmux.run("new-session", "-d", "-s", s, "-x", "220", "-y", "50",
                tmux.jsetkey(dir, "", "--name phoenix --addr 192.0.2.10"));
        tmux.await(s, t -> t.contains(PROMPT), "the prompt", 60);
    }

    @AfterEach
    void stop() throws Exception {
        tmux.close();
    }

    private void enter(String text, String lastLine, String what) throws Exception {
        tmux.keys(s, text);
        tmux.press(s, "Enter");
        tmux.await(s, t -> lastLine(t).equals(lastLine), what, 90);
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    @Test
    void entriesWithKeysAndEntriesWithALeadingSpaceAreNotSaved() throws Exception {
        enter("add 192.0.2.10 198.51.100.20 esp 15701 -E rijndael-cbc 0x" + KEY_1 + ";", PROMPT, "the prompt");
        enter("echo kept-one", PROMPT, "the prompt");
        enter(" echo hidden-by-space", PROMPT, "the prompt");
        enter("set history-keys on", PROMPT, "the prompt");
        enter("add 192.0.2.10 198.51.100.20 esp 15702 -E rijndael-cbc 0x" + KEY_2 + ";", PROMPT, "the prompt");
        enter("set history-keys off", PROMPT, "the prompt");
        enter("groovy", "groovy>", "the Groovy mode (Groovy loads on first use)");
        enter("setkey('add 192.0.2.10 198.51.100.20 esp 15703 -E rijndael-cbc 0x" + KEY_3 + ";')", "groovy>",
                "the Groovy prompt");
        enter("x = 6 * 7", "groovy>", "the Groovy prompt");
        enter(" y = 'hidden-by-space'", "groovy>", "the Groovy prompt");
        enter("sad.size()", "groovy>", "the Groovy prompt");
        assertTrue(tmux.screen(s).contains("3"), "the three SAs were added: " + tmux.screen(s));
        enter("exit", PROMPT, "the setkey prompt");
        tmux.keys(s, "exit");
        tmux.press(s, "Enter");
        long end = System.nanoTime() + 15_000_000_000L;
        while (tmux.run("has-session", "-t", s) != null && System.nanoTime() < end) {
            Thread.sleep(100);
        }

        String setkey = Files.readString(dir.resolve("history"));
        assertTrue(setkey.contains("echo kept-one") && setkey.contains("set history-keys on"), setkey);
        assertTrue(setkey.contains("esp 15702") && setkey.contains(KEY_2), "saved after set history-keys on: " + setkey);
        assertFalse(setkey.contains("15701") || setkey.contains(KEY_1), "a key statement was saved: " + setkey);
        assertFalse(setkey.contains("hidden-by-space"), "a line with a leading space was saved: " + setkey);
        assertTrue(setkey.contains("groovy"), setkey);

        String groovy = Files.readString(dir.resolve("history.groovy"));
        assertTrue(groovy.contains("x = 6 * 7") && groovy.contains("sad.size()"), groovy);
        assertFalse(groovy.contains("15703") || groovy.contains(KEY_3), "a Groovy line with a key was saved: " + groovy);
        assertFalse(groovy.contains("hidden-by-space"), "a Groovy line with a leading space was saved: " + groovy);
    }
}
