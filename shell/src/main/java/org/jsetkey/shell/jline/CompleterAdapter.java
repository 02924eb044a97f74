package org.jsetkey.shell.jline;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jsetkey.shell.console.CompletionSource;

/** Lets JLine ask a {@link CompletionSource}. */
final class CompleterAdapter implements Completer {
    private final CompletionSource source;

    CompleterAdapter(CompletionSource source) {
        this.source = source;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String word : source.candidates(line.line(), line.cursor())) {
            candidates.add(new Candidate(word));
        }
    }
}
