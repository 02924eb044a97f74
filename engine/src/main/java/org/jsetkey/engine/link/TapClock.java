package org.jsetkey.engine.link;

/**
 * The time stamped on packets the taps see: wall-clock microseconds taken once, advanced by
 * the monotonic nanosecond clock, never equal and never going back. Reading it and handing the
 * packet to the taps happen under one lock in {@link UdpLink}, so a trace is in time order.
 */
final class TapClock {
    private final long baseMicros = LinkPacket.nowMicros(); // to the microsecond, as a TUN interface stamps
    private final long baseNanos = System.nanoTime();
    private long last;

    /** Callers hold the link's tap lock. */
    long next() {
        long now = baseMicros + (System.nanoTime() - baseNanos) / 1000;
        last = Math.max(now, last + 1);
        return last;
    }
}
