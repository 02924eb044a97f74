package org.jsetkey.shell.console;

import java.util.List;

/** Offers completions for the word under the cursor; the line editor asks it on Tab. */
public interface CompletionSource {
    /**
     * @param line   the whole input so far
     * @param cursor the cursor position in {@code line}
     * @return the full words that may replace the word under the cursor
     */
    List<String> candidates(String line, int cursor);
}
