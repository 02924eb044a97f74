package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Offers completions for the word under the cursor; the line editor asks it on Tab. A mode
 * that reads something other than commands (Groovy) plugs its own source into
 * {@link org.jsetkey.shell.complete.ConsoleCompletion}.
 */
public interface CompletionSource {
    /**
     * @param line   the whole input so far
     * @param cursor the cursor position in {@code line}
     * @return the full words that may replace the word under the cursor
     */
    List<String> candidates(String line, int cursor);

    /** The same words with display text and descriptions; by default just the words. */
    default List<Suggestion> suggestions(String line, int cursor) {
        List<Suggestion> out = new ArrayList<>();
        for (String w : candidates(line, cursor)) {
            out.add(Suggestion.of(w));
        }
        return out;
    }
}
