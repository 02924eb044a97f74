package org.jsetkey.engine.sad;

/** Hears about each change to the SAD right after it happened, on the changing thread. */
public interface SadListener {
    SadListener NONE = new SadListener() { };

    default void added(long timeMillis, SecurityAssociation sa) {
    }

    default void updated(long timeMillis, SecurityAssociation sa) {
    }

    default void deleted(long timeMillis, SecurityAssociation sa) {
    }

    /** A flush of all SAs ({@code type == null}) or of one protocol. */
    default void flushed(long timeMillis, SaType type) {
    }
}
