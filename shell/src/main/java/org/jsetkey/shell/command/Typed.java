package org.jsetkey.shell.command;

import java.util.List;

/**
 * What has been typed up to the cursor: the text, the unfinished word at its end (after the
 * last blank, the unit the line editor replaces) and the finished words before it.
 */
public record Typed(String before, String word, List<String> done) {

    public static Typed of(String line, int cursor) {
        String before = line.substring(0, Math.max(0, Math.min(cursor, line.length())));
        int start = before.length();
        while (start > 0 && !Character.isWhitespace(before.charAt(start - 1))) {
            start--;
        }
        return new Typed(before, before.substring(start), Words.split(before.substring(0, start)));
    }

    /** The command word, or "" while it is still being typed. */
    public String command() {
        return done.isEmpty() ? "" : done.get(0);
    }

    /** The finished word before the one being typed, or "". */
    public String previous() {
        return done.isEmpty() ? "" : done.get(done.size() - 1);
    }

    /** {@code word} with its last {@code partialLength} characters replaced: how a candidate becomes a whole word. */
    public String replaceTail(int partialLength, String candidate) {
        int keep = Math.max(0, word.length() - partialLength);
        return word.substring(0, keep) + candidate;
    }
}
