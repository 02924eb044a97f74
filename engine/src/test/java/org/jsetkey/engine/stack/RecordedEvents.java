package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jsetkey.engine.event.KeyEvent;

/**
 * The first {@link #KEPT} events a host published, later ones only counted: a fuzz run of a
 * million drops costs constant time per event and bounded memory (a copy-on-write list copied
 * itself at every event, quadratic over such a run).
 */
final class RecordedEvents implements Consumer<KeyEvent> {
    static final int KEPT = 10_000;

    private final List<KeyEvent> first = new ArrayList<>();
    private long total;

    @Override
    public synchronized void accept(KeyEvent e) {
        total++;
        if (first.size() < KEPT) {
            first.add(e);
        }
    }

    /** The kept events, oldest first (a copy). */
    synchronized Stream<KeyEvent> stream() {
        return List.copyOf(first).stream();
    }

    /** Every event seen, kept or not. */
    synchronized long total() {
        return total;
    }
}
