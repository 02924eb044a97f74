package org.jsetkey.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.complete.ConsoleCompletion;
import org.jsetkey.shell.complete.Highlighting;
import org.jsetkey.shell.console.HistoryFile;
import org.jsetkey.shell.console.HistoryPolicy;
import org.jsetkey.shell.console.Prompt;
import org.jsetkey.shell.console.Repl;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.jline.JLineConsole;
import org.jsetkey.shell.jline.PreparedConsole;

/** Puts the console together on the process's terminal and runs it. */
final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    /**
     * The console reads the command registry, the shell writes to the console, then the console
     * learns from the interpreter when an entry goes on over several lines.
     *
     * @param startup command lines run before the first prompt (e.g. {@code monitor -x} for {@code -x})
     * @param prepared the terminal and its reader, made while the host started
     */
    static int run(HostContext host, List<String> startup, PreparedConsole prepared) {
        Prompt prompt = Prompt.forHost(host.options().name());
        Session session = new Session();
        CommandRegistry registry = new CommandRegistry();
        ConsoleCompletion completion = new ConsoleCompletion(registry, host.host());
        completion.followMode(session::mode);
        try (JLineConsole console = JLineConsole.onSystemTerminal(prepared, prompt, completion, new Highlighting(registry),
                HistoryFile.location(System.getenv(), System.getProperty("user.home")));
                Shell shell = new Shell(host, registry, session, console, true)) {
            Interpreter interpreter = shell.interpreter();
            interpreter.numberEachEntry();
            console.continueWhile(interpreter::needsMore);
            shell.showNotices();
            console.usePrompt(() -> session.mode() != null ? session.mode().prompt() : prompt.primary());
            console.keepOutOfHistory(HistoryPolicy.refused(session));
            console.separateHistoryBy(() -> session.mode() != null ? session.mode().historyName() : null);
            startup.forEach(interpreter::accept);
            // setkey -x ends on Ctrl-C: so does the console started with -x, at its prompt
            Repl repl = new Repl(console, interpreter, !startup.isEmpty());
            console.onInterrupt(repl::interruptForeground);
            return repl.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
