package org.jsetkey.engine.sad;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.net.IpAddress;

/**
 * The Security Association Database, indexed by (dst, proto, spi). Safe for concurrent
 * readers and writers; {@link #snapshot()} is a consistent copy, newest SA first (as KAME
 * keeps its SA heads).
 */
public final class Sad {
    private final Clock clock;
    private final SadListener listener;
    private final SaTable entries = new SaTable();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final OutboundIndex outbound = new OutboundIndex();
    private long nextOrder = 1;
    private volatile IntSupplier maxEntries = () -> Integer.MAX_VALUE;
    private volatile SequenceGuard guard;

    public Sad(Clock clock, SadListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    public Clock clock() {
        return clock;
    }

    /** The most SAs the SAD holds (net.key.sad_maxentries, read at each add); unlimited until set. */
    public void maxEntries(IntSupplier max) {
        this.maxEntries = max;
    }

    /** Adds a mature SA; refuses with "File exists" when (dst, proto, spi) is taken. */
    public SaEntry add(SecurityAssociation sa) {
        SaEntry entry = install(sa, old -> {
            if (old != null) {
                throw new Refusal(Refusal.FILE_EXISTS, "an SA with " + sa.id() + " already exists");
            }
            int max = maxEntries.getAsInt();
            if (entries.size() >= max) {
                throw new Refusal(Refusal.NO_BUFFER_SPACE, "the SAD is full: " + entries.size()
                        + " SAs, net.key.sad_maxentries=" + max);
            }
            return new SaEntry(sa, clock.millis(), nextOrder++, SaState.MATURE);
        });
        listener.added(clock.millis(), sa);
        return entry;
    }

    /** Replaces the parameters of an existing SA (NetBSD {@code update}); "No entry" when missing. */
    public SaEntry update(SecurityAssociation sa) {
        SaEntry entry = install(sa, old -> {
            if (old == null || old.state() == SaState.DEAD) {
                throw new Refusal(Refusal.NO_ENTRY, "no SA with " + sa.id() + " to update");
            }
            return new SaEntry(sa, old.createdMillis(), old.order(), SaState.MATURE);
        });
        listener.updated(clock.millis(), sa);
        return entry;
    }

    /** Under the write lock: puts the entry {@code make} builds from the one {@code sa} replaces (or null). */
    private SaEntry install(SecurityAssociation sa, UnaryOperator<SaEntry> make) {
        lock.writeLock().lock();
        try {
            SaEntry old = entries.get(sa.id());
            SaEntry entry = make.apply(old);
            entry.guard(guard);
            entries.put(sa.id(), entry);
            if (old != null) {
                outbound.remove(old);
            }
            outbound.add(entry);
            return entry;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Makes every SA, present and future, reserve its outbound numbers through {@code g} (null: stop). */
    public void sequenceGuard(SequenceGuard g) {
        lock.writeLock().lock();
        try {
            guard = g;
            entries.forEach(e -> e.guard(g));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The SA under (dst, type, spi), or null: what {@link #get} finds, with no key or Optional made per packet. */
    public SaEntry find(IpAddress dst, SaType type, long spi) {
        lock.readLock().lock();
        try {
            return entries.get(dst, type, spi);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<SaEntry> get(SaId id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(entries.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes one SA; "No entry" when missing. */
    public SaEntry delete(SaId id) {
        SaEntry removed;
        lock.writeLock().lock();
        try {
            removed = entries.remove(id);
            if (removed == null) {
                throw new Refusal(Refusal.NO_ENTRY, "no SA with " + id);
            }
            removed.state(SaState.DEAD);
            outbound.remove(removed);
        } finally {
            lock.writeLock().unlock();
        }
        listener.deleted(clock.millis(), removed.sa());
        return removed;
    }

    /**
     * Removes an SA whose hard lifetime ran out: no DELETE event (the caller raises EXPIRE).
     * Only {@code entry} itself goes: when the SA was deleted, updated or added again since the
     * caller looked, the SAD holds another entry under its id and nothing is removed (false).
     */
    public boolean expire(SaEntry entry) {
        lock.writeLock().lock();
        try {
            if (!entries.remove(entry)) {
                return false;
            }
            entry.state(SaState.DEAD);
            outbound.remove(entry);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Makes a mature SA dying (its soft lifetime ran out); false when {@code entry} is no longer
     * in the SAD or no longer mature, so a deleted SA never comes back to life as dying.
     */
    public boolean dying(SaEntry entry) {
        lock.writeLock().lock();
        try {
            if (entries.get(entry.id()) != entry || entry.state() != SaState.MATURE) {
                return false;
            }
            entry.state(SaState.DYING);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes every SA from src to dst of one protocol; returns how many. */
    public List<SaEntry> deleteAll(IpAddress src, IpAddress dst, SaType type) {
        List<SaEntry> removed = new ArrayList<>();
        lock.writeLock().lock();
        try {
            entries.removeIf(e -> {
                SecurityAssociation sa = e.sa();
                boolean match = sa.type() == type && sa.src().equals(src) && sa.dst().equals(dst);
                if (match) {
                    e.state(SaState.DEAD);
                    outbound.remove(e);
                    removed.add(e);
                }
                return match;
            });
        } finally {
            lock.writeLock().unlock();
        }
        for (SaEntry e : removed) {
            listener.deleted(clock.millis(), e.sa());
        }
        return removed;
    }

    /** Removes all SAs, or those of one protocol when {@code type} is not null. */
    public int flush(SaType type) {
        int n;
        lock.writeLock().lock();
        try {
            n = entries.removeIf(e -> {
                boolean match = type == null || e.sa().type() == type;
                if (match) {
                    e.state(SaState.DEAD);
                    outbound.remove(e);
                }
                return match;
            });
        } finally {
            lock.writeLock().unlock();
        }
        listener.flushed(clock.millis(), type);
        return n;
    }

    /** Every SA, newest first. */
    public List<SaEntry> snapshot() {
        lock.readLock().lock();
        try {
            List<SaEntry> l = new ArrayList<>(entries.size());
            entries.forEach(l::add);
            l.sort(Comparator.comparingLong(SaEntry::order).reversed());
            return l;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The SA to use for an outbound packet: usable, same src/dst/protocol, a compatible
     * mode ({@code any} fits both), and, when {@code reqid != 0}, the same reqid. With
     * several candidates the oldest wins (net.key.preferred_oldsa=1) unless
     * {@code preferOld} is false.
     */
    public Optional<SaEntry> findOutbound(IpAddress src, IpAddress dst, SaType type, SaMode mode, long reqid,
                                          boolean preferOld) {
        return Optional.ofNullable(chooseOutbound(src, dst, type, mode, reqid, preferOld));
    }

    /** What {@link #findOutbound} finds, or null: the output path's form, which makes nothing per packet. */
    public SaEntry chooseOutbound(IpAddress src, IpAddress dst, SaType type, SaMode mode, long reqid,
                                  boolean preferOld) {
        lock.readLock().lock();
        try {
            return outbound.choose(src, dst, type, mode, reqid, preferOld);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The newest SA to {@code dst} of protocol {@code type} that {@code match} accepts, or null; copies nothing. */
    public SaEntry newest(IpAddress dst, SaType type, Predicate<SecurityAssociation> match) {
        lock.readLock().lock();
        try {
            SaEntry[] best = {null};
            entries.forEach(e -> {
                SecurityAssociation sa = e.sa();
                if (sa.type() == type && sa.dst().equals(dst) && match.test(sa)
                        && (best[0] == null || e.order() > best[0].order())) {
                    best[0] = e;
                }
            });
            return best[0];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** SAs of one protocol whose destination is {@code dst}: what an "unknown SPI" diagnosis lists. */
    public List<SaEntry> toDestination(IpAddress dst, SaType type) {
        List<SaEntry> l = new ArrayList<>();
        for (SaEntry e : snapshot()) {
            if (e.sa().type() == type && e.sa().dst().equals(dst)) {
                l.add(e);
            }
        }
        return l;
    }
}
