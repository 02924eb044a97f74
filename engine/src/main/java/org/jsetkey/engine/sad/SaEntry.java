package org.jsetkey.engine.sad;

import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.crypto.NoTransformException;
import org.jsetkey.engine.crypto.SaCrypto;

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
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong replayDrops = new AtomicLong();
    private final AtomicLong authFailures = new AtomicLong();
    private final ReplayWindow replayWindow;
    private volatile SaCrypto crypto;

    /**
     * A throw-away entry with the same configuration and fresh state (empty replay window, zero
     * counters): for inspecting captured packets without disturbing the live SA.
     */
    public static SaEntry detachedCopy(SaEntry live) {
        return new SaEntry(live.sa, live.createdMillis, live.order, SaState.MATURE);
    }

    SaEntry(SecurityAssociation sa, long createdMillis, long order, SaState state) {
        this.sa = sa;
        this.createdMillis = createdMillis;
        this.order = order;
        this.state = state;
        this.replayWindow = ReplayWindow.forReplayBytes(sa.old() ? 0 : sa.replay());
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

    /** Packets sealed or opened successfully with this SA. */
    public long packets() {
        return packets.get();
    }

    public void countPacket() {
        packets.incrementAndGet();
    }

    /** Inbound packets dropped by the replay check. */
    public long replayDrops() {
        return replayDrops.get();
    }

    public void countReplayDrop() {
        replayDrops.incrementAndGet();
    }

    /** Inbound packets whose ICV (or AEAD tag) did not verify. */
    public long authFailures() {
        return authFailures.get();
    }

    public void countAuthFailure() {
        authFailures.incrementAndGet();
    }

    /** The inbound anti-replay window, sized 8 x the SA's -r bytes (disabled for 0 and for -old SAs). */
    public ReplayWindow replayWindow() {
        return replayWindow;
    }

    /**
     * The SA's keyed cipher/MAC/compressor, built on first use and then reused (no per-packet key
     * schedule). Throws when an algorithm has no packet transform ("no transform for tcp-md5").
     */
    public SaCrypto crypto() throws NoTransformException {
        SaCrypto c = crypto;
        if (c == null) {
            synchronized (this) {
                c = crypto;
                if (c == null) {
                    c = SaCrypto.build(sa.encAlg(), sa.encKey(), sa.authAlg(), sa.authKey(), sa.compAlg(), sa.old());
                    crypto = c;
                }
            }
        }
        return c;
    }
}
