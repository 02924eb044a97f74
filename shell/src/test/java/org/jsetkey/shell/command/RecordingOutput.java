package org.jsetkey.shell.command;

/**
 * Collects what commands print, standard output and errors apart; lines printed above the
 * prompt (from background commands, on their own threads) go to standard output.
 */
public class RecordingOutput implements ConsoleOutput {
    public final StringBuffer out = new StringBuffer();
    public final StringBuffer err = new StringBuffer();

    @Override
    public void out(String text) {
        out.append(text);
    }

    @Override
    public void printAbove(String text) {
        out.append(text).append('\n');
    }

    @Override
    public void err(String text) {
        err.append(text);
    }
}
