package org.jsetkey.shell.command;

/**
 * One completion offered for the word under the cursor.
 *
 * @param value       the whole word that replaces the one being typed
 * @param display     what the candidate list shows (often the value, or its last part)
 * @param description a short note shown beside it (key size and summary for an algorithm), or ""
 * @param complete    true when the word is finished (a blank follows); false for "net.inet." or "dir/"
 */
public record Suggestion(String value, String display, String description, boolean complete) {

    public static Suggestion of(String value) {
        return new Suggestion(value, value, "", true);
    }

    public static Suggestion of(String value, String description) {
        return new Suggestion(value, value, description, true);
    }
}
