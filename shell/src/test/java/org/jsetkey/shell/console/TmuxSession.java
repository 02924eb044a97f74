package org.jsetkey.shell.console;

import java.nio.file.Path;
import java.util.List;

/** One jsetkey on a real terminal: a tmux session of its own on a private server, typed into and read back. */
final class TmuxSession implements AutoCloseable {
    static final String PROMPT = "jsetkey[phoenix]>";

    final Tmux tmux;
    final String name;

    private TmuxSession(Tmux tmux, String name) {
        this.tmux = tmux;
        this.name = name;
    }

    /** Starts {@code jsetkey --name phoenix --addr 192.0.2.10 ARGUMENTS} in {@code dir} and waits for its prompt. */
    static TmuxSession open(Path dir, String name, String arguments) throws Exception {
        TmuxSession t = new TmuxSession(Tmux.require(), name);
        t.tmux.run("new-session", "-d", "-s", name, "-x", "220", "-y", "50",
                t.tmux.jsetkey(dir, "", "--name phoenix --addr 192.0.2.10" + arguments));
        t.tmux.await(name, s -> lastLine(s).equals(PROMPT), "the prompt", 90);
        return t;
    }

    String screen() throws Exception {
        return tmux.screen(name);
    }

    /**
     * Types {@code text}, presses Enter and waits (at most 90 s) until the screen shows the
     * entry and, after it, {@code lastLine} as the last line: the entry has run.
     */
    void enter(String text, String lastLine, String what) throws Exception {
        tmux.keys(name, text);
        tmux.press(name, "Enter");
        String typed = text.strip();
        tmux.await(name, t -> ranThenShows(t, typed, lastLine), what, 90);
    }

    /** True when a prompt line ends with {@code typed} and the last line after it is {@code lastLine}. */
    private static boolean ranThenShows(String screen, String typed, String lastLine) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).map(String::strip).toList();
        for (int i = lines.size() - 2; i >= 0; i--) {
            if (lines.get(i).endsWith("> " + typed) || lines.get(i).endsWith(">  " + typed)) {
                return lines.get(lines.size() - 1).equals(lastLine);
            }
        }
        return false;
    }

    /** The last line with anything on it, stripped. */
    static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    @Override
    public void close() throws Exception {
        tmux.close();
    }
}
