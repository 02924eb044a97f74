package org.jsetkey.engine.setkey;

import java.util.Comparator;
import java.util.List;

/**
 * One message about setkey input: an error (syntax or refused at apply time), a warning
 * ("mode is obsolete") or an informational note ("No SAD entries.").
 *
 * @param sourceLine the full text of the line {@code pos} points into, for the caret display
 * @param expected   what would have been valid at {@code pos} (may be empty)
 */
public record Diagnostic(Severity severity, SourcePos pos, String message, List<String> expected,
                         String sourceLine) {

    public enum Severity { ERROR, WARNING, INFO }

    /**
     * By line, then column. Written out: {@code Comparator.comparingInt} and {@code thenComparingInt}
     * make the JDK spin their lambda classes at every start, where this one comes from the
     * class-data sharing archive.
     */
    public static final Comparator<Diagnostic> SOURCE_ORDER = (a, b) -> {
        int c = Integer.compare(a.pos().line(), b.pos().line());
        return c != 0 ? c : Integer.compare(a.pos().column(), b.pos().column());
    };

    public Diagnostic {
        expected = List.copyOf(expected);
    }

    /** The line that ends a source's diagnostics once {@link BoundedListener#LIMIT} were shown: {@code FILE: message}. */
    public static Diagnostic tooMany(String file, String message) {
        return new Diagnostic(Severity.ERROR, new SourcePos(file, 0, 0, 0), message, List.of(), null);
    }

    /** {@code file:line:col: message (expected: a, b)}: the first line of {@link #format()}. */
    public String headline() {
        String where = pos.file() + (pos.line() > 0 ? ":" + pos.line() + ":" + pos.column() : "") + ": ";
        String kind = severity == Severity.WARNING ? "warning: " : "";
        String exp = expected.isEmpty() ? "" : " (expected: " + String.join(", ", expected) + ")";
        return where + kind + Excerpt.escape(message) + exp;
    }

    /**
     * The headline, the source line (keys masked, see {@link KeyMask}; cut and escaped, see
     * {@link Excerpt}), and a caret under the column (tildes for the token's length).
     */
    public String format() {
        if (sourceLine == null) {
            return headline();
        }
        KeyMask.Window w = KeyMask.around(sourceLine, pos.column());
        return headline() + "\n" + Excerpt.of(w.text(), pos.column() - w.offset(), pos.length()).render();
    }
}
