package org.jsetkey.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.NetCommands;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.complete.ConsoleCompletion;
import org.jsetkey.shell.complete.Highlighting;
import org.jsetkey.shell.console.HistoryFile;
import org.jsetkey.shell.console.Prompt;
import org.jsetkey.shell.console.Repl;
import org.jsetkey.shell.groovy.Scripting;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.jline.JLineConsole;

/** Puts the console together on the process's terminal and runs it. */
final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    /** @param startup command lines run before the first prompt (e.g. {@code monitor -x} for {@code -x}) */
    static int run(HostContext host, Session session, List<String> startup) {
        Prompt prompt = Prompt.forHost(host.options().name());
        Interpreter[] interpreter = new Interpreter[1];
        ConsoleCompletion completion = new ConsoleCompletion(() -> interpreter[0].registry(), host.host());
        Highlighting highlighting = new Highlighting(() -> interpreter[0].registry());
        try (JLineConsole console = JLineConsole.onSystemTerminal(prompt, text -> interpreter[0].needsMore(text),
                completion, highlighting, HistoryFile.location(System.getenv(), System.getProperty("user.home")))) {
            interpreter[0] = Interpreter.create(host.sysctl(), host.language(), session, console);
            interpreter[0].numberEachEntry();
            completion.followMode(session::mode);
            try (NetCommands net = NetCommands.register(interpreter[0].registry(), host.host(), console, true);
                    Scripting scripting = Scripting.install(interpreter[0].registry(), host, session)) {
                net.showNotices(session);
                console.usePrompt(() -> session.mode() != null ? session.mode().prompt() : prompt.primary());
                console.separateHistoryBy(() -> session.mode() != null ? session.mode().historyName() : null);
                startup.forEach(interpreter[0]::accept);
                // setkey -x ends on Ctrl-C: so does the console started with -x, at its prompt
                Repl repl = new Repl(console, interpreter[0], !startup.isEmpty());
                console.onInterrupt(repl::interruptForeground);
                return repl.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
