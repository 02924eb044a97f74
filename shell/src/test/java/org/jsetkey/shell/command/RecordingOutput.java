package org.jsetkey.shell.command;

/** Collects what commands print, standard output and errors apart. */
public class RecordingOutput implements CommandOutput {
    public final StringBuilder out = new StringBuilder();
    public final StringBuilder err = new StringBuilder();

    @Override
    public void out(String text) {
        out.append(text);
    }

    @Override
    public void err(String text) {
        err.append(text);
    }
}
