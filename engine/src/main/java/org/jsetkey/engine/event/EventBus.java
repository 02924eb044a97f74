package org.jsetkey.engine.event;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers {@link KeyEvent}s to subscribers on the publishing thread. A subscriber that
 * throws is not allowed to break the publisher: its exception is swallowed.
 */
public final class EventBus {
    private final CopyOnWriteArrayList<Consumer<KeyEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Subscribes; closing the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<KeyEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(KeyEvent event) {
        for (Consumer<KeyEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException ignored) {
                // a broken monitor must not stop the datapath or the key engine
            }
        }
    }
}
