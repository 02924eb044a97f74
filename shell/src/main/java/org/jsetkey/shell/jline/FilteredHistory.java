package org.jsetkey.shell.jline;

import java.time.Instant;
import java.util.function.Predicate;

import org.jline.reader.impl.history.DefaultHistory;

/** JLine's history, except for the entries a predicate refuses: they are never added, so never saved. */
final class FilteredHistory extends DefaultHistory {
    private volatile Predicate<String> refused = entry -> false;

    void refuse(Predicate<String> p) {
        refused = p;
    }

    @Override
    public void add(Instant time, String line) {
        if (!refused.test(line)) {
            super.add(time, line);
        }
    }
}
