package org.jsetkey.shell.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.FakeSetkey;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.command.SetkeyLanguage;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.complete.ConsoleCompletion;
import org.jsetkey.shell.console.Prompt;
import org.jsetkey.shell.console.Repl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JLineConsoleTest {
    @TempDir
    Path dir;

    private final FakeSetkey setkey = new FakeSetkey();

    /** Types {@code input} into a console on a dumb terminal; returns everything the terminal showed. */
    private String type(String input, String hostName, Path history) throws Exception {
        return type(input, hostName, history, setkey);
    }

    private String type(String input, String hostName, Path history, SetkeyLanguage language) throws Exception {
        return type(input, hostName, history, language, false);
    }

    /** {@code ansi}: an ANSI terminal over the streams (echoes and redraws, as a real one does); else a dumb one. */
    private String type(String input, String hostName, Path history, SetkeyLanguage language, boolean ansi)
            throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayInputStream keys = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        Terminal terminal = ansi
                ? new ExternalTerminal("test", "ansi", keys, screen, StandardCharsets.UTF_8)
                : new DumbTerminal("test", "dumb", keys, screen, StandardCharsets.UTF_8);
        CommandRegistry registry = new CommandRegistry();
        try (Host host = new Host("test");
             JLineConsole console = new JLineConsole(terminal, Prompt.forHost(hostName),
                new ConsoleCompletion(registry, host), history)) {
            Interpreter interpreter = Interpreter.create(registry, new Sysctl(), language, new Session(), console);
            console.continueWhile(interpreter::needsMore);
            assertEquals(0, new Repl(console, interpreter).run());
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promptAppearsAndATypedCommandRuns() throws Exception {
        String screen = type("sysctl -n net.inet.ipsec.def_policy\nexit\n", null, dir.resolve("h"));
        assertTrue(screen.startsWith("jsetkey> "), screen);
        assertTrue(screen.contains("1\n") || screen.contains("1\r\n"), screen);
    }

    @Test
    void hostNameGoesIntoThePrompt() throws Exception {
        String screen = type("echo hi\n", "phoenix", dir.resolve("h"));
        assertTrue(screen.contains("jsetkey[phoenix]> "), screen);
        assertTrue(screen.contains("hi"), screen);
    }

    @Test
    void multiLineStatementUsesTheContinuationPromptAndIsOneHistoryEntry() throws Exception {
        Path history = dir.resolve("hist");
        String screen = type("add 10.0.0.1 10.0.0.2\r esp 1000 -E null\r ;\recho after\r", null, history, setkey, true);
        assertTrue(screen.contains("       > "), screen.replace("\r", "<CR>").replace("\n", "<NL>"));
        assertEquals(List.of("add 10.0.0.1 10.0.0.2\n esp 1000 -E null\n ;"), setkey.sources);
        assertTrue(screen.contains("ran add 10.0.0.1"), screen);
        List<String> lines = Files.readAllLines(history);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("add 10.0.0.1 10.0.0.2"), lines.get(0));
        assertTrue(lines.get(0).contains("esp 1000 -E null"), lines.get(0));
        assertTrue(lines.get(1).endsWith("echo after"), lines.get(1));
    }

    @Test
    void historyFileIsCreatedOwnerOnly() throws Exception {
        Path history = dir.resolve("sub").resolve("history");
        type("echo x\n", null, history);
        assertTrue(Files.exists(history));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
    }

    @Test
    void existingHistoryIsNarrowedTo0600() throws Exception {
        Path history = dir.resolve("old");
        Files.writeString(history, "");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));
        type("echo x\n", null, history);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
    }

    @Test
    void endOfInputLeaves() throws Exception {
        String screen = type("echo one\n", null, null);
        assertTrue(screen.contains("one"), screen);
    }

    @Test
    void ctrlCCancelsTheOpenStatement() throws Exception {
        String screen = type("add 10.0.0.1\r\u0003echo fresh\r", null, null, setkey, true);
        assertTrue(screen.contains("fresh"), screen);
        assertTrue(setkey.sources.isEmpty(), setkey.sources.toString());
    }
}
