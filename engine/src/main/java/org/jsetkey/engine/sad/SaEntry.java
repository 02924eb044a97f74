package org.jsetkey.engine.sad;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One SAD entry: the immutable configuration plus what changes while it is used.
 * Thread-safe: the datapath and the key engine touch it concurrently.
 */
public final class SaEntry {
    private final SecurityAssociation sa;
    private final long createdMillis;
    private final long order;
    private volatile SaState state;
    private volatile long lastUsedMillis;
    private final AtomicLong outboundSeq = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong allocations = new AtomicLong();

    SaEntry(SecurityAssociation sa, long createdMillis, long order, SaState state) {
        this.sa = sa;
        this.createdMillis = createdMillis;
        this.order = order;
        this.state = state;
    }

    public SecurityAssociation sa() {
        return sa;
    }

    public SaId id() {
        return sa.id();
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** Creation order in the SAD (larger = newer). */
    public long order() {
        return order;
    }

    public SaState state() {
        return state;
    }

    public void state(SaState newState) {
        this.state = newState;
    }

    /** 0 when never used. */
    public long lastUsedMillis() {
        return lastUsedMillis;
    }

    /** Records a use: the first use time is kept (setkey's "last:" shows the first use). */
    public void markUsed(long nowMillis) {
        if (lastUsedMillis == 0) {
            lastUsedMillis = nowMillis;
        }
    }

    /** The last outbound sequence number used (0 for a new SA). */
    public long sequence() {
        return outboundSeq.get();
    }

    /**
     * Takes the next outbound sequence number, or returns -1 when the 32-bit counter is
     * exhausted and the SA does not allow cycling (RFC 4303 3.3.3).
     */
    public long nextSequence() {
        while (true) {
            long cur = outboundSeq.get();
            long next = cur + 1;
            if (next > 0xffffffffL) {
                if (!sa.cyclicSequence()) {
                    return -1;
                }
                next = 1;
            }
            if (outboundSeq.compareAndSet(cur, next)) {
                return next;
            }
        }
    }

    /** Test and lab hook: sets the outbound counter (e.g. to exercise overflow). */
    public void sequence(long value) {
        outboundSeq.set(value);
    }

    public long bytes() {
        return bytes.get();
    }

    public void addBytes(long n) {
        bytes.addAndGet(n);
    }

    public long allocations() {
        return allocations.get();
    }

    public void allocate() {
        allocations.incrementAndGet();
    }
}
