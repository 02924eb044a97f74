package org.jsetkey.engine.sad;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jsetkey.engine.crypto.NoTransformException;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpAddress;

/**
 * One SAD entry: the immutable configuration plus what changes while it is used.
 * Thread-safe: the datapath and the key engine touch it concurrently. The counters are plain
 * volatile fields updated through var handles rather than AtomicLong objects: a SAD of a
 * million SAs pays for six fewer objects per SA.
 */
public final class SaEntry {
    private static final VarHandle SEQ;
    private static final VarHandle BYTES;
    private static final VarHandle ALLOCATIONS;
    private static final VarHandle PACKETS;
    private static final VarHandle REPLAY_DROPS;
    private static final VarHandle AUTH_FAILURES;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SEQ = l.findVarHandle(SaEntry.class, "outboundSeq", long.class);
            BYTES = l.findVarHandle(SaEntry.class, "bytes", long.class);
            ALLOCATIONS = l.findVarHandle(SaEntry.class, "allocations", long.class);
            PACKETS = l.findVarHandle(SaEntry.class, "packets", long.class);
            REPLAY_DROPS = l.findVarHandle(SaEntry.class, "replayDrops", long.class);
            AUTH_FAILURES = l.findVarHandle(SaEntry.class, "authFailures", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SecurityAssociation sa;
    /** Copied out of the SA so the outbound choice reads this object only, not the SA and its addresses. */
    private final SaType type;
    private final SaMode mode;
    private final long reqid;
    private final boolean v4;
    private final boolean zoned;
    private final long createdMillis;
    private final long order;
    private volatile SaState state;
    private volatile long lastUsedMillis;
    private volatile long outboundSeq;
    private volatile long bytes;
    private volatile long allocations;
    private volatile long packets;
    private volatile long replayDrops;
    private volatile long authFailures;
    private final ReplayWindow replayWindow;
    private volatile SaCrypto crypto;
    /** What a transform derived from this SA and its crypto once (ESP: its wire layout), for the next packet. */
    private volatile Object derived;
    private volatile SequenceGuard guard;
    private volatile long reserved;
    private volatile NatT natt;

    /**
     * A throw-away entry with the same configuration and fresh state (empty replay window, zero
     * counters): for inspecting captured packets without disturbing the live SA.
     */
    public static SaEntry detachedCopy(SaEntry live) {
        return new SaEntry(live.sa, live.createdMillis, live.order, SaState.MATURE);
    }

    SaEntry(SecurityAssociation sa, long createdMillis, long order, SaState state) {
        this.sa = sa;
        this.type = sa.type();
        this.mode = sa.mode();
        this.reqid = sa.reqid();
        this.v4 = sa.src().isV4();
        this.zoned = sa.src().zone() != null || sa.dst().zone() != null;
        this.createdMillis = createdMillis;
        this.order = order;
        this.state = state;
        this.replayWindow = ReplayWindow.forReplayBytes(sa.old() ? 0 : sa.replay());
        this.natt = sa.natt();
    }

    /**
     * The UDP encapsulation in use (null for a plain SA): the configured one until a datagram
     * shows that a NAT chose another port for the peer (RFC 3948 §2.2 leaves that to IKE, which
     * then updates the SA; the datapath does it here in its place).
     */
    public NatT natT() {
        return natt;
    }

    /** Another encapsulation for an esp-udp SA (the peer's port as a NAT chose it). */
    public void natT(NatT n) {
        if (natt == null || n == null) {
            throw new IllegalStateException("not an esp-udp SA: " + sa);
        }
        this.natt = n;
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

    /**
     * Whether an outbound packet from {@code src} to {@code dst} may use this SA, given that the
     * addresses' key words equal the SA's (the outbound index found it under them): usable, same
     * protocol, a compatible mode ({@code any} fits both), the reqid when one is asked for, and the
     * same addresses (the same family, and only with a zone the addresses themselves compared).
     */
    boolean fitsOutbound(IpAddress src, IpAddress dst, SaType t, SaMode m, long r) {
        return type == t && state.usable() && (mode == SaMode.ANY || mode == m) && (r == 0 || reqid == r)
                && (zoned || src.zone() != null || dst.zone() != null ? sa.src().equals(src) && sa.dst().equals(dst)
                        : v4 == src.isV4() && v4 == dst.isV4());
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
        return outboundSeq;
    }

    /**
     * Takes the next outbound sequence number, or returns -1 when the 32-bit counter is
     * exhausted and the SA does not allow cycling (RFC 4303 3.3.3).
     */
    public long nextSequence() {
        while (true) {
            long cur = outboundSeq;
            long next = cur + 1;
            if (next > 0xffffffffL) {
                if (!sa.cyclicSequence()) {
                    return -1;
                }
                next = 1;
            }
            SequenceGuard g = guard;
            if (g != null && next > reserved) {
                g.reserve(this, next);
            }
            if (SEQ.compareAndSet(this, cur, next)) {
                return next;
            }
        }
    }

    /** Persistence of the outbound counter (autosave), or null. */
    void guard(SequenceGuard g) {
        guard = g;
    }

    /** The highest outbound number a {@link SequenceGuard} has made durable (0: none). */
    public long reserved() {
        return reserved;
    }

    public void reserved(long value) {
        reserved = value;
    }

    /** Test and lab hook: sets the outbound counter (e.g. to exercise overflow). */
    public void sequence(long value) {
        outboundSeq = value;
    }

    public long bytes() {
        return bytes;
    }

    public void addBytes(long n) {
        BYTES.getAndAdd(this, n);
    }

    public long allocations() {
        return allocations;
    }

    public void allocate() {
        ALLOCATIONS.getAndAdd(this, 1L);
    }

    /** Packets sealed or opened successfully with this SA. */
    public long packets() {
        return packets;
    }

    public void countPacket() {
        PACKETS.getAndAdd(this, 1L);
    }

    /** Inbound packets dropped by the replay check. */
    public long replayDrops() {
        return replayDrops;
    }

    public void countReplayDrop() {
        REPLAY_DROPS.getAndAdd(this, 1L);
    }

    /** Inbound packets whose ICV (or AEAD tag) did not verify. */
    public long authFailures() {
        return authFailures;
    }

    public void countAuthFailure() {
        AUTH_FAILURES.getAndAdd(this, 1L);
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

    /** What the transform stored with {@link #derived(Object)}, or null; only the transform knows its type. */
    public Object derived() {
        return derived;
    }

    /** Keeps a value the transform derives from this SA alone, so it is not made again per packet. */
    public void derived(Object value) {
        derived = value;
    }
}
