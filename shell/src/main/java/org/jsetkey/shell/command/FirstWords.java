package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.setkey.StatementSpec;

/** The words a console line may start with: command words (with the first line of their help), then setkey statements. */
public final class FirstWords {
    private FirstWords() {
    }

    public static List<Suggestion> matching(CommandRegistry registry, String prefix) {
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
}
