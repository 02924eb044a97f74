package org.jsetkey.shell.groovy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Named arguments of a script call ({@code ping(dest, count: 3)}), checked against the names it accepts. */
final class Options {
    static final long MAX_SECONDS = 3600;

    private final String call;
    private final Map<String, ?> values;

    Options(String call, Map<String, ?> values, List<String> accepted) {
        this.call = call;
        this.values = values == null ? Map.of() : values;
        for (String k : this.values.keySet()) {
            if (!accepted.contains(k)) {
                throw new IllegalArgumentException(call + ": unknown option '" + k + "' (expected: "
                        + String.join(", ", accepted) + ")");
            }
        }
    }

    Object get(String name) {
        return values.get(name);
    }

    int integer(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return new BigDecimal(String.valueOf(v)).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(call + ": " + name + ": " + v + " (expected: a whole number)");
        }
    }

    /** A duration given in seconds (decimals allowed), in milliseconds. */
    long millis(String name, long fallbackMillis) {
        Object v = values.get(name);
        if (v == null) {
            return fallbackMillis;
        }
        return seconds(call + ": " + name, v);
    }

    static long seconds(String what, Object v) {
        BigDecimal s;
        try {
            s = new BigDecimal(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": " + v + " (expected: seconds, 0.." + MAX_SECONDS + ")");
        }
        if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            throw new IllegalArgumentException(what + ": " + v + " (expected: seconds, 0.." + MAX_SECONDS + ")");
        }
        return s.movePointRight(3).longValue();
    }

    String string(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : String.valueOf(v);
    }

    boolean bool(String name) {
        Object v = values.get(name);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }
}
