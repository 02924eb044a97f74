package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 KB line pasted into the console on a real terminal, as a person pastes: with bracketed-paste
 * marks (tmux paste-buffer -p) and without. The error comes back cut and masked, the databases are
 * unchanged, and the console answers the next command. Times are printed; the bound is generous.
 */
class LongPasteTmuxIT {
    private static final String LINE = "add 10.0.0.1 10.0.0.2 esp 0x1000 -E des-cbc \"abcdefgh\" "
            + "bogus ".repeat(8500) + ";";
    private static final String ERROR = "<input>:1:56: syntax error at \"bogus\": nothing more may follow in add";

    @TempDir
    Path dir;

    private void paste(boolean bracketed) throws Exception {
        Path buffer = dir.resolve("paste.txt");
        Files.writeString(buffer, LINE);
        try (TmuxSession s = TmuxSession.open(dir, bracketed ? "pasteb" : "paster", "")) {
            s.tmux.run("load-buffer", "-b", "p", buffer.toString());
            long start = System.nanoTime();
            if (bracketed) {
                s.tmux.run("paste-buffer", "-p", "-b", "p", "-t", s.name);
            } else {
                s.tmux.run("paste-buffer", "-b", "p", "-t", s.name);
            }
            s.tmux.press(s.name, "Enter");
            String screen = s.tmux.await(s.name, t -> t.contains(ERROR), "the error", 60);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("50 KB paste " + (bracketed ? "(bracketed)" : "(raw)") + " answered in " + millis + " ms");
            assertTrue(screen.contains("….0.0.2 esp 0x1000 -E des-cbc \"********\" bogus bogus"), screen);
            s.enter("dump", TmuxSession.PROMPT, "the dump after the paste");
            String after = s.screen();
            assertTrue(after.contains("> dump\nNo SAD entries.\n"), after);
        }
    }

    @Test
    void aBracketedPasteIsAnswered() throws Exception {
        paste(true);
    }

    @Test
    void aRawPasteIsAnswered() throws Exception {
        paste(false);
    }
}
