package org.jsetkey.shell.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.event.KeyEvent;

/** The last few drops the host published, kept for {@code explain}. */
final class DropLog implements AutoCloseable {
    static final int CAPACITY = 50;

    private final Deque<KeyEvent.Drop> drops = new ArrayDeque<>();
    private final AutoCloseable subscription;

    DropLog(EventBus events) {
        subscription = events.subscribe(e -> {
            if (e instanceof KeyEvent.Drop d) {
                add(d);
            }
        });
    }

    private synchronized void add(KeyEvent.Drop d) {
        if (drops.size() == CAPACITY) {
            drops.removeFirst();
        }
        drops.addLast(d);
    }

    /** Up to {@code n} most recent drops, oldest first. */
    synchronized List<KeyEvent.Drop> last(int n) {
        List<KeyEvent.Drop> all = new ArrayList<>(drops);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    synchronized void clear() {
        drops.clear();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // unsubscribing from an in-memory list does not fail
        }
    }
}
