package org.jsetkey.shell.groovy;

/** A script failed; the message is ready to print ({@code FILE:LINE: what}, plus the power-assert text). */
public final class ScriptFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScriptFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
