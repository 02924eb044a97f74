package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.picture.TextPicture;

/** Where commands write: normal output and error output, as raw text. */
public interface CommandOutput {
    /** Normal output; the caller includes line breaks. */
    void out(String text);

    /** Error output; the caller includes line breaks. */
    void err(String text);

    /** Columns to fit text into: the terminal's width on a terminal, else 80. */
    default int width() {
        return 80;
    }

    default void println(String line) {
        out(line + "\n");
    }

    default void errorln(String line) {
        err(line + "\n");
    }

    /**
     * Output that arrives on another thread (trace, monitor, ACQUIRE/EXPIRE notices): one or
     * more lines without a final line break. The console prints it above the line being
     * edited ({@link org.jsetkey.shell.command.ConsoleOutput}); elsewhere it is a plain line.
     */
    default void printAbove(String text) {
        println(text);
    }

    /**
     * A packet picture's lines as this output shows them: plain brackets and letters here (a pipe,
     * a file), colours and a legend on a terminal.
     */
    default String picture(List<List<TextPicture.Segment>> lines) {
        return TextPicture.join(lines);
    }
}
