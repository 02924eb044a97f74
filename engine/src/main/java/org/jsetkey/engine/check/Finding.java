package org.jsetkey.engine.check;

/**
 * One row of a {@code peer check}: what matches or what does not, and for a mismatch the fix.
 *
 * @param fix empty for a match
 */
public record Finding(boolean ok, String text, String fix) {
    static Finding match(String text) {
        return new Finding(true, text, "");
    }

    static Finding mismatch(String text, String fix) {
        return new Finding(false, text, fix);
    }
}
