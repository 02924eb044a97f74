package org.jsetkey.shell.command;

/** Where commands write: normal output and error output, as raw text. */
public interface CommandOutput {
    /** Normal output; the caller includes line breaks. */
    void out(String text);

    /** Error output; the caller includes line breaks. */
    void err(String text);

    default void println(String line) {
        out(line + "\n");
    }

    default void errorln(String line) {
        err(line + "\n");
    }
}
