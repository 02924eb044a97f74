package org.jsetkey.engine.spd;

/**
 * An ipsec-tools policy priority as stored: lower values are matched first.
 * {@code text} is how the user spelled it ("def", "high + 5", "-10"), kept for printing.
 */
public record Priority(long stored, String text) {
    public static final long LOW_BASE = 0xC0000000L;
    public static final long DEFAULT_BASE = 0x80000000L;
    public static final long HIGH_BASE = 0x40000000L;

    public Priority {
        if (stored < 0 || stored > 0xffffffffL) {
            throw new IllegalArgumentException("priority: " + stored + " (expected: 0-4294967295)");
        }
    }
}
