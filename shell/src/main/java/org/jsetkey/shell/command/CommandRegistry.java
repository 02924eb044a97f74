package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console commands by name, in registration order. */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    public void register(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("command already registered: " + command.name());
        }
    }

    /** Makes {@code alias} invoke the command {@code name} (e.g. quit → exit). */
    public void alias(String alias, String name) {
        if (!commands.containsKey(name)) {
            throw new IllegalArgumentException("alias " + alias + " of unknown command: " + name);
        }
        aliases.put(alias, name);
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(aliases.getOrDefault(name, name)));
    }

    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    /** Every word that invokes a command: names and aliases. */
    public List<String> words() {
        List<String> words = new ArrayList<>(commands.keySet());
        words.addAll(aliases.keySet());
        return words;
    }
}
