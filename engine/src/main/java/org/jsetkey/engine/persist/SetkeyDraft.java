package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.persist.LineWords.Word;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Parser;
import org.jsetkey.engine.setkey.stmt.Statement;

/**
 * Setkey text built from another format, remembering which source word each piece came from,
 * so the setkey parser's checks (key lengths, ranges, combinations) apply unchanged and an
 * error points at the word of the original line.
 */
final class SetkeyDraft {
    private record Piece(int start, int end, Word from) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Piece> pieces = new ArrayList<>();
    private final Word whole;
    private final KernelForms kernel = new KernelForms();

    /** @param whole the word errors fall back to (the command word) */
    SetkeyDraft(Word whole) {
        this.whole = whole;
    }

    /** Appends {@code setkeyText} (a space before it unless it starts the text) that stands for {@code from}. */
    SetkeyDraft add(String setkeyText, Word from) {
        if (text.length() > 0 && !setkeyText.isEmpty()) {
            text.append(' ');
        }
        int start = text.length();
        text.append(setkeyText);
        pieces.add(new Piece(start, text.length(), from == null ? whole : from));
        return this;
    }

    /** What the parsed policy must hold beyond the draft's setkey text. */
    KernelForms kernel() {
        return kernel;
    }

    String text() {
        return text.toString();
    }

    /** Parses the draft; the first error becomes a {@link LineError} at the source word. */
    List<Statement> parse() {
        String s = text + ";";
        Parser.Result r = Parser.parse(s, "ip xfrm");
        for (Diagnostic d : r.diagnostics()) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                Word w = wordAt(d.pos().column() - 1);
                throw LineWords.error(w, d.message(), d.expected());
            }
        }
        return kernel.apply(r.statementsOnly());
    }

    private Word wordAt(int offset) {
        for (Piece p : pieces) {
            if (offset >= p.start() && offset < p.end()) {
                return p.from();
            }
        }
        return whole;
    }
}
