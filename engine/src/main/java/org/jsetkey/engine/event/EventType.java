package org.jsetkey.engine.event;

import java.util.Locale;

/** The kinds of {@link KeyEvent}; {@link #label()} is the name monitors and scripts use for each. */
public enum EventType {
    ADD, UPDATE, DELETE, FLUSH, SPDADD, SPDUPDATE, SPDDELETE, SPDFLUSH, ACQUIRE, EXPIRE, DROP;

    /** {@code add}, {@code spdflush}, {@code drop}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
