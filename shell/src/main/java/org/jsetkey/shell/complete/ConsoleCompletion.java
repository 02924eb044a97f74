package org.jsetkey.shell.complete;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.Command;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.CompletionContext;
import org.jsetkey.shell.command.CompletionSource;
import org.jsetkey.shell.command.FirstWords;
import org.jsetkey.shell.command.Suggestion;
import org.jsetkey.shell.command.Typed;

/**
 * Tab completion for the console. The first word completes to command names and setkey
 * statement words; after a statement word the setkey grammar decides; after a command word
 * the command's own completer ({@link Command#completer()}) does. While a mode such as a
 * Groovy prompt reads the lines ({@link #followMode}), the mode completes.
 */
public final class ConsoleCompletion implements CompletionSource {
    private final CommandRegistry registry;
    private final GrammarCompletion grammar;
    private final CompletionContext context;
    private volatile Supplier<? extends CompletionSource> mode = () -> null;

    /** @param registry the commands (asked on every Tab, so commands registered later complete too) */
    public ConsoleCompletion(CommandRegistry registry, Host host) {
        this(registry, host, Path.of(""));
    }

    /** @param workDir where relative file names are looked up */
    public ConsoleCompletion(CommandRegistry registry, Host host, Path workDir) {
        this.registry = registry;
        KnownAddresses addresses = new KnownAddresses(host);
        FileNames files = new FileNames(workDir.toAbsolutePath());
        this.grammar = new GrammarCompletion(addresses, new ExistingSpis(host));
        this.context = new CompletionContext() {
            @Override
            public List<Suggestion> addresses(String prefix) {
                return addresses.matching(prefix);
            }

            @Override
            public List<Suggestion> files(String prefix) {
                return files.matching(prefix);
            }
        };
    }

    /** Asks {@code active} on every Tab which mode, if any, completes (e.g. the session's current mode). */
    public void followMode(Supplier<? extends CompletionSource> active) {
        this.mode = active;
    }

    @Override
    public List<Suggestion> suggestions(String line, int cursor) {
        CompletionSource m = mode.get();
        if (m != null) {
            return m.suggestions(line, cursor);
        }
        Typed typed = Typed.of(line, cursor);
        String command = typed.command();
        if (command.isEmpty()) {
            return FirstWords.matching(registry, typed.word());
        }
        if (Grammar.statement(command).isPresent()) {
            return grammar.suggestions(typed);
        }
        Optional<Command> c = registry.find(command);
        return c.isPresent() ? c.get().completer().suggestions(typed, context) : List.of();
    }
}
