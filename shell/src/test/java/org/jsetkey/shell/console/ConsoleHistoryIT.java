package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements with keys stay out of the history files, as a user finds them after leaving the
 * console on a real terminal: the setkey history and the Groovy one, entries typed with a
 * leading space never, entries with keys only after {@code set history-keys on}.
 */
class ConsoleHistoryIT {
    private static final String PROMPT = TmuxSession.PROMPT;
    private static final String KEY_1 = "00112233445566778899aabbccddeeff";
    private static final String KEY_2 = "ffeeddccbbaa99887766554433221100";
    private static final String KEY_3 = "0102030405060708090a0b0c0d0e0f10";

    @TempDir
    Path dir;

    @Test
    void entriesWithKeysAndEntriesWithALeadingSpaceAreNotSaved() throws Exception {
        try (TmuxSession console = TmuxSession.open(dir, "history", "")) {
            typeAndLeave(console);
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

    /** Keys, a leading space and history-keys on and off, in the setkey and the Groovy mode; then exit. */
    private static void typeAndLeave(TmuxSession console) throws Exception {
        console.enter("add 192.0.2.10 198.51.100.20 esp 15701 -E rijndael-cbc 0x" + KEY_1 + ";", PROMPT, "the prompt");
        console.enter("echo kept-one", PROMPT, "the prompt");
        console.enter(" echo hidden-by-space", PROMPT, "the prompt");
        console.enter("set history-keys on", PROMPT, "the prompt");
        console.enter("add 192.0.2.10 198.51.100.20 esp 15702 -E rijndael-cbc 0x" + KEY_2 + ";", PROMPT, "the prompt");
        console.enter("set history-keys off", PROMPT, "the prompt");
        console.enter("groovy", "groovy>", "the Groovy mode (Groovy loads on first use)");
        console.enter("setkey('add 192.0.2.10 198.51.100.20 esp 15703 -E rijndael-cbc 0x" + KEY_3 + ";')", "groovy>",
                "the Groovy prompt");
        console.enter("x = 6 * 7", "groovy>", "the Groovy prompt");
        console.enter(" y = 'hidden-by-space'", "groovy>", "the Groovy prompt");
        console.enter("sad.size()", "groovy>", "the Groovy prompt");
        assertTrue(console.screen().contains("\n3\n"), "the three SAs were added: " + console.screen());
        console.enter("exit", PROMPT, "the setkey prompt");
        console.tmux.keys(console.name, "exit");
        console.tmux.press(console.name, "Enter");
        long end = System.nanoTime() + 15_000_000_000L;
        while (console.tmux.run("has-session", "-t", console.name) != null && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
