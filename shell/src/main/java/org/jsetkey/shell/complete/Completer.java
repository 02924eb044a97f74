package org.jsetkey.shell.complete;

import java.util.List;

import org.jsetkey.shell.command.CompletionSource;
import org.jsetkey.shell.command.Suggestion;

/** A completion source that produces suggestions (with descriptions) first; the plain words follow from them. */
public interface Completer extends CompletionSource {
    @Override
    List<Suggestion> suggestions(String line, int cursor);

    @Override
    default List<String> candidates(String line, int cursor) {
        return suggestions(line, cursor).stream().map(Suggestion::value).toList();
    }
}
