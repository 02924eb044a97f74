package org.jsetkey.engine.sad;

/**
 * Persists outbound sequence numbers before they are used (autosave): called when an SA is
 * about to use a number above {@link SaEntry#reserved()}; returns once a new reservation
 * covering {@code next} is durable.
 */
public interface SequenceGuard {
    void reserve(SaEntry entry, long next);
}
