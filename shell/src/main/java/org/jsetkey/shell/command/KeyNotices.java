package org.jsetkey.shell.command;

import java.time.ZoneId;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.event.KeyEvent;

/**
 * In the console, ACQUIRE and EXPIRE are news the user should see without asking: each
 * prints one line above the prompt ({@code set notices off} silences them; while
 * {@code monitor} runs it already shows them).
 */
final class KeyNotices implements AutoCloseable {
    private final AutoCloseable subscription;

    KeyNotices(EventBus events, Session session, MonitorCommand monitor, ConsoleOutput output) {
        EventLines lines = new EventLines(ZoneId.systemDefault());
        this.subscription = events.subscribe(e -> {
            if ((e instanceof KeyEvent.Acquire || e instanceof KeyEvent.Expire) && session.notices()
                    && !monitor.running()) {
                output.printAbove("notice: " + lines.format(e));
            }
        });
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
