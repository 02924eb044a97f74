package org.jsetkey.shell.console;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.SetkeyStatements;

/** Completes the first word: command names and setkey statement keywords. */
public final class CommandNameCompletion implements CompletionSource {
    private final CommandRegistry registry;

    public CommandNameCompletion(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<String> candidates(String line, int cursor) {
        String before = line.substring(0, Math.min(cursor, line.length())).stripLeading();
        if (before.chars().anyMatch(Character::isWhitespace)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : registry.words()) {
            if (w.startsWith(before) && !out.contains(w)) {
                out.add(w);
            }
        }
        for (String w : SetkeyStatements.keywords()) {
            if (w.startsWith(before) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
