package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer meets at the console on a real terminal: help, hints, error positions, history. */
class NewcomerConsoleIT {
    private static final String PROMPT = "jsetkey[phoenix]> ";

    @TempDir
    Path dir;

    private Tmux tmux;

    @BeforeEach
    void start() throws Exception {
        tmux = Tmux.require();
    }

    @AfterEach
    void stop() throws Exception {
        tmux.close();
    }

    private String open(String session, int width) throws Exception {
        tmux.run("new-session", "-d", "-s", session, "-x", String.valueOf(width), "-y", "70",
                tmux.jsetkey(dir, "", "--name phoenix --addr 192.0.2.10"));
        tmux.await(session, s -> s.contains(PROMPT.strip()), "the prompt", 60);
        return session;
    }

    /** The screen with the lines the terminal wrapped joined again: a line longer than the width was wrapped by it. */
    private String joined(String session) throws Exception {
        return tmux.run("capture-pane", "-p", "-J", "-t", session, "-S", "-300");
    }

    private void enter(String session, String text) throws Exception {
        tmux.keys(session, text);
        tmux.press(session, "Enter");
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }

    @Test
    void helpFitsEightyAndHundredColumnsWithoutCuttingWords() throws Exception {
        for (int width : new int[] {80, 100}) {
            String s = open("help" + width, width);
            enter(s, "help");
            tmux.awaitText(s, "Tab completes.");
            String screen = joined(s);
            for (String line : screen.split("\n")) {
                assertTrue(line.stripTrailing().length() <= width, "the terminal had to wrap at " + width + ":\n" + line);
            }
            String text = screen.replaceAll("\n {20,}", " ");
            assertTrue(text.contains("Shows or sets kernel knobs as FreeBSD's sysctl does.\n"), text);
            assertTrue(text.contains("Prints the SAD (all SAs, or those of one protocol: esp, ah, ipcomp...)"
                    + " as setkey -D does.\n"), text);
            assertTrue(text.contains("Lists the last N (default 5, at most 50) packets this host dropped, oldest first, "
                    + "with why (e.g. which SPIs it holds when an SPI is unknown).\n"), text);
        }
    }

    @Test
    void hintsErrorPositionsPerEntryAndAGroovyHistoryOfItsOwn() throws Exception {
        String s = open("console", 160);
        enter(s, "ad 192.0.2.10 198.51.100.20 esp 1 -E null;");
        tmux.awaitText(s, "unknown command: ad (did you mean 'add'? type help for the list)");
        enter(s, "spdad 192.0.2.10 198.51.100.20 any -P out none;");
        tmux.awaitText(s, "unknown command: spdad (did you mean 'spdadd'? type help for the list)");
        enter(s, "setkey -c");
        tmux.awaitText(s, "unknown command: setkey: this console already reads setkey statements");

        enter(s, "echo one");
        enter(s, "echo two");
        tmux.keys(s, "add 192.0.2.10 198.51.100.20");
        tmux.press(s, "Enter");
        tmux.awaitText(s, "\n                >");
        enter(s, "esp 15701 -E aes-cbcc 0x00;");
        String screen = tmux.awaitText(s, "unknown encryption algorithm \"aes-cbcc\"");
        assertTrue(screen.contains("<input>:2:14: unknown encryption algorithm \"aes-cbcc\""), screen);
        assertTrue(screen.contains("esp 15701 -E aes-cbcc 0x**;\n             ^~~~~~~~"), screen);

        enter(s, "flush;;");
        screen = tmux.awaitText(s, "empty statement");
        assertTrue(screen.contains("<input>:1:7: syntax error at \";\": empty statement"), screen);

        enter(s, "echo setkey-side");
        enter(s, "groovy");
        tmux.await(s, t -> lastLine(t).equals("groovy>"), "the Groovy mode (Groovy loads on first use)", 90);
        enter(s, "x = 6 * 7");
        tmux.awaitText(s, "42");
        enter(s, "exit");
        tmux.await(s, t -> lastLine(t).equals(PROMPT.strip()), "the setkey prompt again", 15);
        tmux.press(s, "Up");
        tmux.await(s, t -> lastLine(t).equals(PROMPT + "groovy"), "Up: the groovy command", 10);
        tmux.press(s, "Up");
        tmux.await(s, t -> lastLine(t).equals(PROMPT + "echo setkey-side"), "Up again: the setkey history", 10);
        tmux.press(s, "C-c");
        tmux.await(s, t -> lastLine(t).equals(PROMPT.strip()), "a fresh prompt after Ctrl-C", 10);
        enter(s, "groovy");
        tmux.await(s, t -> lastLine(t).equals("groovy>"), "the groovy prompt", 15);
        tmux.press(s, "Up");
        tmux.await(s, t -> lastLine(t).equals("groovy> exit"), "Up in Groovy: its own history", 10);
        tmux.press(s, "Up");
        tmux.await(s, t -> lastLine(t).equals("groovy> x = 6 * 7"), "Up in Groovy: its own history", 10);
        tmux.press(s, "Up");
        Thread.sleep(300);
        assertEquals("groovy> x = 6 * 7", lastLine(tmux.screen(s)), "no setkey line in the Groovy history");
        tmux.press(s, "C-c");
        tmux.await(s, t -> lastLine(t).equals("groovy>"), "a fresh Groovy prompt after Ctrl-C", 10);
        enter(s, "exit");
        tmux.await(s, t -> lastLine(t).equals(PROMPT.strip()), "the setkey prompt", 10);
        enter(s, "exit");
        // the session (and with it the private server) ends when the program exits
        long end = System.nanoTime() + 15_000_000_000L;
        while (tmux.run("has-session", "-t", s) != null && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        tmux.close();
        Path groovyHistory = dir.resolve("history.groovy");
        assertTrue(Files.readString(groovyHistory).contains("x = 6 * 7"), Files.readString(groovyHistory));
        assertFalse(Files.readString(dir.resolve("history")).contains("x = 6 * 7"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(groovyHistory)));
    }
}
