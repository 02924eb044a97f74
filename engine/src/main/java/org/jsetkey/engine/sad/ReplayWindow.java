package org.jsetkey.engine.sad;

/**
 * The inbound anti-replay window of one SA (RFC 4303 3.4.3, 32-bit sequence numbers, no ESN).
 * {@link #check} only looks; {@link #update} records a sequence number once its ICV verified.
 * A window of 0 packets disables the check. Thread-safe.
 */
public final class ReplayWindow {
    /** Larger windows (-r up to 2^32-1 bytes) are clamped to this many packets. */
    public static final int MAX_PACKETS = 1 << 20;

    private final int size;
    private final long[] bits;
    private long highest;

    /** @param packets window size in packets (8 x the SA's -r bytes); 0 = no replay check */
    public ReplayWindow(long packets) {
        if (packets < 0) {
            throw new IllegalArgumentException("replay window: " + packets + " (expected: >= 0)");
        }
        this.size = (int) Math.min(packets, MAX_PACKETS);
        this.bits = new long[(size + 63) / 64];
    }

    /** A window of 0 packets keeps no state, so all SAs without replay protection share one. */
    private static final ReplayWindow DISABLED = new ReplayWindow(0);

    public static ReplayWindow forReplayBytes(long replayBytes) {
        return replayBytes <= 0 ? DISABLED : new ReplayWindow(Math.min(replayBytes * 8, MAX_PACKETS));
    }

    public int size() {
        return size;
    }

    public boolean enabled() {
        return size > 0;
    }

    /** The highest sequence number accepted so far (0 before the first). */
    public synchronized long highest() {
        return highest;
    }

    /**
     * After a restart that lost the window: every number up to {@code seq} counts as seen, so
     * nothing that may have been accepted before the restart is accepted again.
     */
    public synchronized void resumeAbove(long seq) {
        if (size == 0 || seq <= highest) {
            return;
        }
        highest = seq;
        java.util.Arrays.fill(bits, -1L);
    }

    /** True when {@code seq} is new: above the window, or inside it and not seen yet. */
    public synchronized boolean check(long seq) {
        if (size == 0) {
            return true;
        }
        if (seq <= 0 || seq > 0xffffffffL) {
            return false;
        }
        if (seq > highest) {
            return true;
        }
        if (highest - seq >= size) {
            return false;
        }
        return !get(seq);
    }

    /**
     * Why {@link #check} refused {@code seq}, in the words {@code explain} prints: a number at or
     * left of T - W ({@code left of the window}) is a straggler, one inside it was seen before.
     */
    public synchronized String refusal(long seq) {
        String why = seq <= 0 ? "is 0, never sent" : highest - seq >= size ? "arrived left of the window"
                : "was already received (a duplicate)";
        return why + " (highest seen " + highest + ", window " + size + ")";
    }

    /** Checks again and records {@code seq}; false when it was a replay after all (a concurrent duplicate). */
    public synchronized boolean update(long seq) {
        if (size == 0) {
            return true;
        }
        if (!check(seq)) {
            return false;
        }
        if (seq > highest) {
            long shift = seq - highest;
            if (shift >= size) {
                java.util.Arrays.fill(bits, 0L);
            } else {
                for (long s = highest + 1; s <= seq; s++) {
                    clear(s);
                }
            }
            highest = seq;
        }
        set(seq);
        return true;
    }

    private int index(long seq) {
        return (int) (seq % size);
    }

    private boolean get(long seq) {
        int i = index(seq);
        return (bits[i >> 6] & (1L << (i & 63))) != 0;
    }

    private void set(long seq) {
        int i = index(seq);
        bits[i >> 6] |= 1L << (i & 63);
    }

    private void clear(long seq) {
        int i = index(seq);
        bits[i >> 6] &= ~(1L << (i & 63));
    }
}
