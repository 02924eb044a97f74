package org.jsetkey.engine.spd;

/** An ipsec-tools policy priority as stored: lower values are matched first. */
public record Priority(long stored) {
    public static final long LOW_BASE = 0xC0000000L;
    public static final long DEFAULT_BASE = 0x80000000L;
    public static final long HIGH_BASE = 0x40000000L;

    public Priority {
        if (stored < 0 || stored > 0xffffffffL) {
            throw new IllegalArgumentException("priority: " + stored + " (expected: 0-4294967295)");
        }
    }

    /**
     * The text ipsec-tools' setkey prints after the direction: the base the value is closest
     * to and the offset as typed ({@code prio def}, {@code prio high + 5}, {@code prio def - 10});
     * empty for a stored 0.
     */
    public String format() {
        if (stored == 0) {
            return "";
        }
        String base;
        long offset;
        if (stored < DEFAULT_BASE / 4 * 3) {
            base = "high";
            offset = HIGH_BASE - stored;
        } else if (stored < DEFAULT_BASE / 4 * 5) {
            base = "def";
            offset = DEFAULT_BASE - stored;
        } else {
            base = "low";
            offset = LOW_BASE - stored;
        }
        if (offset == 0) {
            return "prio " + base;
        }
        return "prio " + base + (offset < 0 ? " - " : " + ") + Math.abs(offset);
    }
}
