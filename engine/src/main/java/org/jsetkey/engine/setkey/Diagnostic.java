package org.jsetkey.engine.setkey;

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

    public Diagnostic {
        expected = List.copyOf(expected);
    }

    /** {@code file:line:col: message (expected: a, b)}: the first line of {@link #format()}. */
    public String headline() {
        String where = pos.file() + ":" + pos.line() + ":" + pos.column() + ": ";
        String kind = severity == Severity.WARNING ? "warning: " : "";
        String exp = expected.isEmpty() ? "" : " (expected: " + String.join(", ", expected) + ")";
        return where + kind + message + exp;
    }

    /**
     * The headline, the source line (keys masked, see {@link KeyMask}), and a caret under the
     * column (carets for the token's length).
     */
    public String format() {
        if (sourceLine == null) {
            return headline();
        }
        String sourceLine = KeyMask.line(this.sourceLine);
        StringBuilder sb = new StringBuilder(headline()).append('\n').append(sourceLine).append('\n');
        for (int i = 1; i < pos.column(); i++) {
            sb.append(i - 1 < sourceLine.length() && sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        sb.append('^');
        for (int i = 1; i < pos.length(); i++) {
            sb.append('~');
        }
        return sb.toString();
    }
}
