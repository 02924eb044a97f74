package org.jsetkey.shell.console;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.engine.setkey.KeyMask;
import org.jsetkey.shell.command.Session;

/**
 * Which console entries stay out of the history (the setkey one and the Groovy one alike): an
 * entry typed with a leading space, as shells' {@code ignorespace} does, and, unless
 * {@code set history-keys on}, an entry that carries key material: {@code -E ALG KEY} or
 * {@code -A ALG KEY} in the entry itself or inside one of its quoted strings (Groovy's
 * {@code setkey('add ... -E aes-cbc 0x...;')}).
 */
public final class HistoryPolicy {
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");

    private HistoryPolicy() {
    }

    /** The entries {@code session}'s console must not keep. */
    public static Predicate<String> refused(Session session) {
        return entry -> entry.startsWith(" ") || !session.historyKeys() && carriesKeys(entry);
    }

    static boolean carriesKeys(String entry) {
        if (KeyMask.hasKey(entry)) {
            return true;
        }
        Matcher m = QUOTED.matcher(entry);
        while (m.find()) {
            String inside = m.group(1) != null ? m.group(1) : m.group(2);
            if (KeyMask.hasKey(inside)) {
                return true;
            }
        }
        return false;
    }
}
