package org.jsetkey.shell.complete;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.setkey.StatementSpec;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.AlgorithmTable;
import org.jsetkey.shell.command.Command;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.CompletionSource;
import org.jsetkey.shell.command.Suggestion;

/**
 * Tab completion for the console. The first word completes to command names and setkey
 * statement words; after a statement word the setkey grammar decides; {@code sysctl} and
 * {@code help} know their topics; any other command completes from its synopsis.
 *
 * <p>Hooks: {@link #plug} gives the arguments of one command word to another source (a
 * command such as {@code groovy} completing binding names), and {@link #mode} hands all
 * completion to a source while a mode such as a Groovy prompt reads the lines.
 */
public final class ConsoleCompletion implements Completer {
    private final CommandRegistry registry;
    private final Host host;
    private final GrammarCompletion grammar;
    private final CommandArguments arguments;
    private final Map<String, CompletionSource> plugged = new ConcurrentHashMap<>();
    private volatile Supplier<? extends CompletionSource> mode = () -> null;

    /** @param registry the commands (asked on every Tab, so commands registered later complete too) */
    public ConsoleCompletion(CommandRegistry registry, Host host) {
        this(registry, host, Path.of(""));
    }

    /** @param workDir where relative file names are looked up */
    public ConsoleCompletion(CommandRegistry registry, Host host, Path workDir) {
        this.registry = registry;
        this.host = host;
        KnownAddresses addresses = new KnownAddresses(host);
        this.grammar = new GrammarCompletion(addresses, new ExistingSpis(host));
        this.arguments = new CommandArguments(addresses, new FileNames(workDir.toAbsolutePath()));
    }

    /** Lets {@code source} complete every line that starts with {@code commandWord}. */
    public void plug(String commandWord, CompletionSource source) {
        plugged.put(commandWord, source);
    }

    /** Hands all completion to {@code source} (a mode reading its own language); null goes back to commands. */
    public void mode(CompletionSource source) {
        this.mode = () -> source;
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
            return firstWords(typed.word());
        }
        CompletionSource plug = plugged.get(command);
        if (plug != null) {
            return plug.suggestions(line, cursor);
        }
        if (Grammar.statement(command).isPresent()) {
            return grammar.suggestions(typed);
        }
        if (command.equals("sysctl") && !typed.word().startsWith("-")) {
            return new SysctlCompletion(host.sysctl()).suggestions(typed);
        }
        if (command.equals("help") && typed.done().size() == 1) {
            return helpTopics(typed.word());
        }
        Optional<Command> c = registry.find(command);
        return c.isPresent() ? arguments.suggestions(c.get(), typed) : List.of();
    }

    private List<Suggestion> firstWords(String prefix) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (String w : registry.words()) {
            Optional<Command> c = registry.find(w);
            if (w.startsWith(prefix) && c.isPresent()) {
                out.putIfAbsent(w, Suggestion.of(w, c.get().help().split("\n", 2)[0]));
            }
        }
        for (StatementSpec s : Grammar.statements()) {
            if (s.keyword().startsWith(prefix)) {
                out.putIfAbsent(s.keyword(), Suggestion.of(s.keyword(), s.help()));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Commands and statements, and the algorithm tables in the order help names them. */
    private List<Suggestion> helpTopics(String prefix) {
        List<Suggestion> out = new ArrayList<>(firstWords(prefix));
        for (AlgorithmKind kind : AlgorithmTable.KINDS) {
            if (kind.option().startsWith(prefix)) {
                out.add(Suggestion.of(kind.option(), kind.description() + " algorithms"));
            }
        }
        return out;
    }
}
