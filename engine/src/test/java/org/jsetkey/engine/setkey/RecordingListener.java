package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.List;

/** Records what setkey runs print and report, for tests to look at afterwards. */
public class RecordingListener implements SetkeyListener {
    public final StringBuilder output = new StringBuilder();
    public final List<Diagnostic> diagnostics = new ArrayList<>();

    /** The diagnostics as the program prints them. */
    public List<String> formatted() {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    @Override
    public void output(String text) {
        output.append(text);
    }

    @Override
    public void diagnostic(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }
}
