package org.jsetkey.shell.jline;

import java.util.Map;

import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * JLine's reader, kept fast under a paste that arrives without bracketed-paste marks: JLine
 * redraws the whole line and copies it for undo after every character, quadratic in the
 * line's length (a 50 KB paste took minutes). Here a line longer than {@link #TYPEAHEAD} is not
 * redrawn while more input is already waiting (the paste's last character draws it once), and
 * one longer than {@link #LONG_LINE} is not copied for undo; short lines behave as JLine's own.
 */
final class TypeaheadLineReader extends LineReaderImpl {
    /** Past this many characters a line is not copied for undo. */
    static final int LONG_LINE = 2000;
    /** Past this many characters a line is not redrawn while more input waits (a prompt is always drawn). */
    static final int TYPEAHEAD = 100;

    private volatile Thread reading;

    TypeaheadLineReader(Terminal terminal, String appName, Map<String, Object> variables) {
        super(terminal, appName, variables);
    }

    @Override
    public String readLine(String prompt, String rightPrompt, org.jline.reader.MaskingCallback maskingCallback,
                           String buffer) {
        reading = Thread.currentThread();
        try {
            return super.readLine(prompt, rightPrompt, maskingCallback, buffer);
        } finally {
            reading = null;
        }
    }

    @Override
    protected void redisplay(boolean flush) {
        boolean noUndo = buf.length() > LONG_LINE;
        if (noUndo != isSet(Option.DISABLE_UNDO)) {
            option(Option.DISABLE_UNDO, noUndo);
        }
        if (buf.length() > TYPEAHEAD && Thread.currentThread() == reading && isReading() && typedAhead()) {
            return;
        }
        super.redisplay(flush);
    }

    /** True when another character is already waiting (a paste is still arriving). */
    private boolean typedAhead() {
        try {
            return getTerminal().reader().peek(1) >= 0;
        } catch (java.io.InterruptedIOException e) {
            Thread.currentThread().interrupt(); // Ctrl-C: JLine's loop must still see it
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
