package org.jsetkey.engine.event;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jsetkey.engine.sad.SadListener;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.spd.SpdListener;

/**
 * Delivers {@link KeyEvent}s to subscribers on the publishing thread. A subscriber that
 * throws is not allowed to break the publisher: its exception is swallowed. Listening to a
 * SAD and an SPD, it turns their changes into the matching messages.
 */
public final class EventBus implements SadListener, SpdListener {
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

    @Override
    public void added(long timeMillis, SecurityAssociation sa) {
        publish(new KeyEvent.Add(timeMillis, sa));
    }

    @Override
    public void updated(long timeMillis, SecurityAssociation sa) {
        publish(new KeyEvent.Update(timeMillis, sa));
    }

    @Override
    public void deleted(long timeMillis, SecurityAssociation sa) {
        publish(new KeyEvent.Delete(timeMillis, sa));
    }

    @Override
    public void flushed(long timeMillis, SaType type) {
        publish(new KeyEvent.Flush(timeMillis, type));
    }

    @Override
    public void added(long timeMillis, SpdEntry entry) {
        publish(new KeyEvent.SpdAdd(timeMillis, entry));
    }

    @Override
    public void updated(long timeMillis, SpdEntry entry) {
        publish(new KeyEvent.SpdUpdate(timeMillis, entry));
    }

    @Override
    public void deleted(long timeMillis, SpdEntry entry) {
        publish(new KeyEvent.SpdDelete(timeMillis, entry));
    }

    @Override
    public void flushed(long timeMillis) {
        publish(new KeyEvent.SpdFlush(timeMillis));
    }
}
