package org.jsetkey.shell.console;

import java.io.PrintStream;

import org.jsetkey.shell.command.ConsoleOutput;

/** Console output on two plain streams (standard output and error, no line editor). */
public final class StreamOutput implements ConsoleOutput {
    private final PrintStream out;
    private final PrintStream err;

    public StreamOutput(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void out(String text) {
        out.print(text);
        out.flush();
    }

    @Override
    public synchronized void err(String text) {
        out.flush();
        err.print(text);
        err.flush();
    }

    @Override
    public synchronized void printAbove(String text) {
        out(text + "\n");
    }
}
