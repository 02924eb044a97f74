package org.jsetkey.shell.command;

import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.SetkeyListener;

/** Prints what setkey input produces: output as is, errors and warnings with position and caret. */
public final class SetkeyPrinter implements SetkeyListener {
    private final CommandOutput output;

    public SetkeyPrinter(CommandOutput output) {
        this.output = output;
    }

    @Override
    public void output(String text) {
        output.out(text);
    }

    @Override
    public void diagnostic(Diagnostic d) {
        if (d.severity() == Diagnostic.Severity.INFO) {
            output.println(d.message());
        } else {
            output.errorln(d.format());
        }
    }
}
