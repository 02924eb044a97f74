package org.jsetkey.engine.tool;

import java.util.Objects;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.stack.SocketPolicy;

/**
 * What {@code ping} was asked to do.
 *
 * @param count         probes to send (must be bounded: 1..100000)
 * @param intervalMillis pause between probes ({@code -i}), 0 with flood
 * @param size          payload bytes ({@code -s}); below 16 there is no room for timing
 * @param waitMillis    how long to wait for the last reply ({@code -W})
 * @param socketPolicy  {@code -P} policy or null
 * @param flood         {@code -f}: the next probe goes as soon as the last one is answered, the interval
 *                      is only the longest pause (iputils: as fast as replies come back, or 100 per second)
 */
public record PingOptions(IpAddress destination, IpAddress source, int count, long intervalMillis, int size,
                          long waitMillis, SocketPolicy socketPolicy, boolean flood) {
    public static final int MAX_COUNT = 100_000;
    public static final int MAX_SIZE = 65_000;

    public PingOptions {
        Objects.requireNonNull(destination, "destination");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count: " + count + " (expected: 1-" + MAX_COUNT + ")");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size: " + size + " (expected: 0-" + MAX_SIZE + ")");
        }
        if (intervalMillis < 0 || waitMillis < 0) {
            throw new IllegalArgumentException("interval and wait must not be negative");
        }
    }

    public PingOptions(IpAddress destination, IpAddress source, int count, long intervalMillis, int size,
                       long waitMillis, SocketPolicy socketPolicy) {
        this(destination, source, count, intervalMillis, size, waitMillis, socketPolicy, false);
    }

    public boolean timing() {
        return size >= 16;
    }
}
