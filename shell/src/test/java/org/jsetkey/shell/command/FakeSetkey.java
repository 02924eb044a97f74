package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.setkey.SourcePos;

/**
 * A stand-in for the setkey language in tests of the console mechanics: a statement is
 * complete when its text ends with ';'; running records the source and reports an error
 * for a statement containing "bad".
 */
public final class FakeSetkey implements SetkeyLanguage {
    public final List<String> sources = new ArrayList<>();

    @Override
    public boolean isComplete(String text) {
        return text.strip().isEmpty() || text.strip().endsWith(";");
    }

    @Override
    public SetkeyResult run(String source, String fileName, SetkeyListener listener) {
        sources.add(source);
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf("bad");
            if (col >= 0) {
                listener.diagnostic(new Diagnostic(Diagnostic.Severity.ERROR, new SourcePos(fileName, i + 1, col + 1, 3),
                        "syntax error at [bad]", List.of(), lines[i]));
                return new SetkeyResult(0, 1, false);
            }
        }
        listener.output("ran " + source.strip() + "\n");
        return new SetkeyResult(1, 0, false);
    }

    /** Every statement run so far, one per line. */
    @Override
    public String config() {
        StringBuilder sb = new StringBuilder();
        for (String s : sources) {
            sb.append(s.strip()).append('\n');
        }
        return sb.toString();
    }
}
