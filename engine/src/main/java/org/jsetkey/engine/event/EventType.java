package org.jsetkey.engine.event;

import java.util.Locale;

/** The kinds of {@link KeyEvent}; {@link #label()} is the name monitors and scripts use for each. */
public enum EventType {
    ADD(KeyEvent.Add.class),
    UPDATE(KeyEvent.Update.class),
    DELETE(KeyEvent.Delete.class),
    FLUSH(KeyEvent.Flush.class),
    SPDADD(KeyEvent.SpdAdd.class),
    SPDUPDATE(KeyEvent.SpdUpdate.class),
    SPDDELETE(KeyEvent.SpdDelete.class),
    SPDFLUSH(KeyEvent.SpdFlush.class),
    ACQUIRE(KeyEvent.Acquire.class),
    EXPIRE(KeyEvent.Expire.class),
    DROP(KeyEvent.Drop.class);

    private final Class<? extends KeyEvent> kind;

    EventType(Class<? extends KeyEvent> kind) {
        this.kind = kind;
    }

    /** {@code add}, {@code spdflush}, {@code drop}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventType of(KeyEvent e) {
        for (EventType t : values()) {
            if (t.kind == e.getClass()) {
                return t;
            }
        }
        throw new IllegalArgumentException("no type for " + e);
    }
}
