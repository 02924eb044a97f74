package org.jsetkey.shell;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.NetCommands;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.console.CommandNameCompletion;
import org.jsetkey.shell.console.HistoryFile;
import org.jsetkey.shell.console.Prompt;
import org.jsetkey.shell.console.Repl;
import org.jsetkey.shell.groovy.Scripting;
import org.jsetkey.shell.jline.JLineConsole;

/** Puts the console together on the process's terminal and runs it. */
final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    static int run(HostContext host, Session session) {
        Prompt prompt = Prompt.forHost(host.options().name());
        Interpreter[] interpreter = new Interpreter[1];
        try (JLineConsole console = JLineConsole.onSystemTerminal(prompt, text -> interpreter[0].needsMore(text),
                (line, cursor) -> session.mode() != null ? session.mode().candidates(line, cursor)
                        : new CommandNameCompletion(interpreter[0].registry()).candidates(line, cursor),
                HistoryFile.location(System.getenv(), System.getProperty("user.home")))) {
            interpreter[0] = Interpreter.create(host.sysctl(), host.language(), session, console);
            try (NetCommands net = NetCommands.register(interpreter[0].registry(), host.host(), console, true);
                    Scripting scripting = Scripting.install(interpreter[0].registry(), host, session)) {
                console.usePrompt(() -> session.mode() != null ? session.mode().prompt() : prompt.primary());
                return new Repl(console, interpreter[0]).run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
