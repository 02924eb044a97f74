package org.jsetkey.engine.spd;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.Refusal;

/**
 * The Security Policy Database. Entries keep insertion order; {@link #snapshot()} groups
 * them in, out, fwd as {@code setkey -DP} prints them; {@link #lookup} returns the first
 * match by priority, then most specific selector, then insertion order.
 */
public final class Spd {
    private final Clock clock;
    private final SpdListener listener;
    private final List<SpdEntry> entries = new ArrayList<>();
    private long nextId = 1;

    public Spd(Clock clock, SpdListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** Adds a policy; "File exists" when one with the same selector and direction exists. */
    public SpdEntry add(Policy policy) {
        SpdEntry e;
        synchronized (this) {
            if (find(policy) != null) {
                String dir = policy.direction().keyword();
                throw new Refusal(Refusal.FILE_EXISTS, ("aeiou".indexOf(dir.charAt(0)) >= 0 ? "an " : "a ") + dir
                        + " policy with this selector already exists");
            }
            e = new SpdEntry(nextId++, policy, clock.millis());
            entries.add(e);
        }
        listener.added(clock.millis(), e);
        return e;
    }

    /** Replaces the policy with the same selector and direction, or adds it (ipsec-tools spdupdate). */
    public SpdEntry update(Policy policy) {
        SpdEntry e;
        synchronized (this) {
            SpdEntry old = find(policy);
            if (old == null) {
                e = new SpdEntry(nextId++, policy, clock.millis());
                entries.add(e);
            } else {
                e = new SpdEntry(old.id(), policy, old.createdMillis());
                entries.set(entries.indexOf(old), e);
            }
        }
        listener.updated(clock.millis(), e);
        return e;
    }

    /** Deletes the policy with the same selector and direction; "No entry" when none. */
    public SpdEntry delete(Policy key) {
        SpdEntry e;
        synchronized (this) {
            e = find(key);
            if (e == null) {
                throw new Refusal(Refusal.NO_ENTRY, "no " + key.direction().keyword()
                        + " policy with this selector");
            }
            entries.remove(e);
        }
        listener.deleted(clock.millis(), e);
        return e;
    }

    public int flush() {
        int n;
        synchronized (this) {
            n = entries.size();
            entries.clear();
        }
        listener.flushed(clock.millis());
        return n;
    }

    private SpdEntry find(Policy key) {
        for (SpdEntry e : entries) {
            if (e.policy().sameKey(key)) {
                return e;
            }
        }
        return null;
    }

    public synchronized Optional<SpdEntry> byId(long id) {
        for (SpdEntry e : entries) {
            if (e.id() == id) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** All entries grouped in, out, fwd; within a group by priority, then insertion order. */
    public synchronized List<SpdEntry> snapshot() {
        List<SpdEntry> l = new ArrayList<>(entries);
        l.sort(Comparator.comparingInt((SpdEntry e) -> e.policy().direction().ordinal())
                .thenComparingLong(e -> e.policy().sortPriority()));
        return l;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The policy that decides a packet of this flow in this direction, if any. */
    public synchronized Optional<SpdEntry> lookup(Direction direction, Flow flow) {
        SpdEntry best = null;
        for (SpdEntry e : entries) {
            Policy p = e.policy();
            if (p.direction() != direction || !p.selector().matches(flow)) {
                continue;
            }
            if (best == null || better(p, best.policy())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(Policy candidate, Policy current) {
        if (candidate.sortPriority() != current.sortPriority()) {
            return candidate.sortPriority() < current.sortPriority();
        }
        return candidate.selector().specificity() > current.selector().specificity();
    }
}
