package org.jsetkey.shell.groovy;

/** {@code setkey("...")} found errors; the message holds the parser's diagnostics (position and caret). */
public final class SetkeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetkeyException(String message) {
        super(message);
    }
}
