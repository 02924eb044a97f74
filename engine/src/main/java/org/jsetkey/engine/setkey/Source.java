package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.List;

/** A batch of setkey text with its name: turns tokens into positions and diagnostics. */
final class Source {
    private final String file;
    private final String[] lines;

    Source(String file, String text) {
        this.file = file;
        this.lines = lines(text);
    }

    /** The text split at each \n or \r\n, as split("\r?\n", -1) would, without a regex (bulk loads are big). */
    private static String[] lines(String text) {
        List<String> l = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            l.add(text.substring(start, nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl));
            start = nl + 1;
        }
        l.add(text.substring(start));
        return l.toArray(new String[0]);
    }

    SourcePos pos(Token t) {
        int len = Math.max(1, t.length());
        String line = line(t.line());
        if (line != null && t.column() - 1 + len > line.length()) {
            len = Math.max(1, line.length() - t.column() + 1);
        }
        return new SourcePos(file, t.line(), t.column(), len);
    }

    String line(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : null;
    }

    Diagnostic diagnostic(Diagnostic.Severity severity, Token t, String message, List<String> expected) {
        return new Diagnostic(severity, pos(t), message, expected, line(t.line()));
    }

    Diagnostic error(Token t, String message, List<String> expected) {
        return diagnostic(Diagnostic.Severity.ERROR, t, message, expected);
    }
}
