package org.jsetkey.shell.command;

import java.util.List;

/**
 * Offers completions for the word under the cursor; the line editor asks it on Tab. The
 * console's completion is one; a mode that reads something other than commands (Groovy) is
 * another.
 */
public interface CompletionSource {
    /**
     * @param line   the whole input so far
     * @param cursor the cursor position in {@code line}
     * @return the whole words that may replace the word under the cursor, with display text and descriptions
     */
    List<Suggestion> suggestions(String line, int cursor);

    /** The same as plain words. */
    default List<String> candidates(String line, int cursor) {
        return suggestions(line, cursor).stream().map(Suggestion::value).toList();
    }
}
