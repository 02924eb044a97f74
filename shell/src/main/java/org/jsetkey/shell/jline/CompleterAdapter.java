package org.jsetkey.shell.jline;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jsetkey.shell.command.CompletionSource;
import org.jsetkey.shell.command.Suggestion;

/** Lets JLine ask a {@link CompletionSource}: each suggestion becomes a candidate with its display text and description. */
final class CompleterAdapter implements Completer {
    private final CompletionSource source;

    CompleterAdapter(CompletionSource source) {
        this.source = source;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (Suggestion s : source.suggestions(line.line(), line.cursor())) {
            String description = s.description() == null || s.description().isEmpty() ? null : s.description();
            candidates.add(new Candidate(s.value(), s.display(), null, description, null, null, s.complete()));
        }
    }
}
