package org.jsetkey.engine.crypto;

/** The SA names an algorithm that has no packet transform here (tcp-md5, lzs, oui) or an unusable key. */
public final class NoTransformException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoTransformException(String message) {
        super(message);
    }

    public NoTransformException(String message, Throwable cause) {
        super(message, cause);
    }
}
