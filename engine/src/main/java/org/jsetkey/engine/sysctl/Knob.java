package org.jsetkey.engine.sysctl;

import java.util.Objects;

/**
 * One sysctl leaf: its full dotted name, type, default, the range the kernel accepts, a
 * one-line description ({@code sysctl -d}) and whether it can be set.
 *
 * @param defaultValue an {@link Integer} for {@link KnobType#INT}, a {@link String} for {@link KnobType#STRING}
 * @param min          lowest accepted value (INT only); lower values are refused with "Invalid argument"
 * @param max          highest accepted value (INT only)
 */
public record Knob(String name, KnobType type, Object defaultValue, int min, int max, String description,
                   boolean readOnly) {

    public Knob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("knob name: " + name + " (expected: dotted words)");
        }
        if (type == KnobType.INT) {
            if (!(defaultValue instanceof Integer)) {
                throw new IllegalArgumentException("default of " + name + ": " + defaultValue + " (expected: an Integer)");
            }
            if (min > max || !accepts((Integer) defaultValue, min, max)) {
                throw new IllegalArgumentException("default of " + name + ": " + defaultValue
                        + " (expected: " + min + ".." + max + ")");
            }
        } else if (!(defaultValue instanceof String)) {
            throw new IllegalArgumentException("default of " + name + ": " + defaultValue + " (expected: a String)");
        }
    }

    /** A writable integer knob accepting any int. */
    public static Knob integer(String name, int defaultValue, String description) {
        return new Knob(name, KnobType.INT, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE, description, false);
    }

    /** A writable integer knob accepting {@code min..max}. */
    public static Knob integer(String name, int defaultValue, int min, int max, String description) {
        return new Knob(name, KnobType.INT, defaultValue, min, max, description, false);
    }

    /** A writable 0/1 knob. */
    public static Knob bool(String name, int defaultValue, String description) {
        return integer(name, defaultValue, 0, 1, description);
    }

    /** A read-only string knob. */
    public static Knob readOnlyString(String name, String value, String description) {
        return new Knob(name, KnobType.STRING, value, 0, 0, description, true);
    }

    /** True when the kernel would accept {@code value} for this integer knob. */
    public boolean accepts(int value) {
        return type == KnobType.INT && accepts(value, min, max);
    }

    /** True when this knob lies below the node {@code node} (not the node itself). */
    public boolean isBelow(String node) {
        return name.startsWith(node + ".");
    }

    private static boolean accepts(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
