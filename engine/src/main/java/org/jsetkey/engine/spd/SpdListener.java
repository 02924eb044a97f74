package org.jsetkey.engine.spd;

/** Hears about each change to the SPD right after it happened, on the changing thread. */
public interface SpdListener {
    SpdListener NONE = new SpdListener() { };

    default void added(long timeMillis, SpdEntry entry) {
    }

    default void updated(long timeMillis, SpdEntry entry) {
    }

    default void deleted(long timeMillis, SpdEntry entry) {
    }

    default void flushed(long timeMillis) {
    }
}
