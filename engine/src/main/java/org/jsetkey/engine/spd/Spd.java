package org.jsetkey.engine.spd;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SecurityContext;

/**
 * The Security Policy Database. Entries keep insertion order; {@link #snapshot()} groups
 * them in, out, fwd as {@code setkey -DP} prints them; {@link #lookup} returns the first
 * match by priority, then most specific selector, then insertion order. Lookups go through
 * a {@link PolicyIndex} per direction and family, so they do not walk the whole list.
 */
public final class Spd {
    /** The most requests (protocol/mode/level rules) one policy holds: FreeBSD's IPSEC_MAXREQ. */
    public static final int MAX_REQUESTS = 4;

    private final Clock clock;
    private final SpdListener listener;
    /** In insertion order; an update keeps its entry's place. */
    private final Map<Key, SpdEntry> entries = new LinkedHashMap<>();
    private final PolicyIndex[] indexes = new PolicyIndex[Direction.values().length * 2];
    private long nextId = 1;
    private volatile IntSupplier maxEntries = () -> Integer.MAX_VALUE;

    public Spd(Clock clock, SpdListener listener) {
        this.clock = clock;
        this.listener = listener;
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = new PolicyIndex(i % 2 == 0 ? 32 : 128);
        }
    }

    /** What makes two policies the same SPD entry: selector, direction and context. */
    private record Key(Selector selector, Direction direction, SecurityContext context) {
        @Override
        public int hashCode() {
            return (selector.hashCode() * 31 + direction.hashCode()) * 31 + Objects.hashCode(context);
        }

        static Key of(Policy p) {
            return new Key(p.selector(), p.direction(), p.context());
        }
    }

    private PolicyIndex index(Direction direction, boolean v4) {
        return indexes[direction.ordinal() * 2 + (v4 ? 0 : 1)];
    }

    private PolicyIndex index(Policy p) {
        return index(p.direction(), p.selector().src().address().isV4());
    }

    private void put(SpdEntry e) {
        entries.put(Key.of(e.policy()), e);
        index(e.policy()).add(e);
    }

    /** The most policies the SPD holds (net.key.spd_maxentries, read at each add); unlimited until set. */
    public void maxEntries(IntSupplier max) {
        this.maxEntries = max;
    }

    /** A new entry with the next spid, when the SPD has room for it. */
    private SpdEntry newEntry(Policy policy) {
        int max = maxEntries.getAsInt();
        if (entries.size() >= max) {
            throw new Refusal(Refusal.NO_BUFFER_SPACE, "the SPD is full: " + entries.size()
                    + " policies, net.key.spd_maxentries=" + max);
        }
        return new SpdEntry(nextId++, policy, clock.millis());
    }

    /** Adds a policy; "File exists" when one with the same selector and direction exists. */
    public SpdEntry add(Policy policy) {
        SpdEntry e = install(policy, old -> {
            if (old != null) {
                String dir = policy.direction().keyword();
                throw new Refusal(Refusal.FILE_EXISTS, ("aeiou".indexOf(dir.charAt(0)) >= 0 ? "an " : "a ") + dir
                        + " policy with this selector already exists");
            }
            return newEntry(policy);
        });
        listener.added(clock.millis(), e);
        return e;
    }

    /** Replaces the policy with the same selector and direction, or adds it (ipsec-tools spdupdate). */
    public SpdEntry update(Policy policy) {
        SpdEntry e = install(policy, old -> old == null ? newEntry(policy)
                : new SpdEntry(old.id(), policy, old.createdMillis()));
        listener.updated(clock.millis(), e);
        return e;
    }

    /** Puts the entry {@code make} builds from the one with the same selector and direction (or null) in its place. */
    private synchronized SpdEntry install(Policy policy, UnaryOperator<SpdEntry> make) {
        if (policy.rules().size() > MAX_REQUESTS) {
            // FreeBSD's key_msg2sp refuses the policy with EINVAL ("too many ipsecrequests")
            throw new Refusal(Refusal.INVALID_ARGUMENT, "too many ipsecrequests: " + policy.rules().size()
                    + " in one policy, at most " + MAX_REQUESTS + " (IPSEC_MAXREQ)");
        }
        SpdEntry old = find(policy);
        SpdEntry e = make.apply(old);
        if (old != null) {
            index(old.policy()).remove(old);
        }
        put(e);
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
            entries.remove(Key.of(e.policy()));
            index(e.policy()).remove(e);
        }
        listener.deleted(clock.millis(), e);
        return e;
    }

    public int flush() {
        int n;
        synchronized (this) {
            n = entries.size();
            entries.clear();
            for (PolicyIndex i : indexes) {
                i.clear();
            }
        }
        listener.flushed(clock.millis());
        return n;
    }

    private SpdEntry find(Policy key) {
        return entries.get(Key.of(key));
    }

    public synchronized Optional<SpdEntry> byId(long id) {
        for (SpdEntry e : entries.values()) {
            if (e.id() == id) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Grouped in, out, fwd; within a group in the order lookup prefers them ({@link Policy#rank()}, then id).
     * Written out rather than chained from {@code Comparator.comparingInt}: the JDK spins the classes
     * of its own lambdas at every start, where a lambda here comes from the class-data sharing archive.
     */
    public static final Comparator<SpdEntry> LOOKUP_ORDER = (a, b) -> {
        int c = Integer.compare(a.policy().direction().ordinal(), b.policy().direction().ordinal());
        if (c == 0) {
            c = Long.compare(a.policy().rank(), b.policy().rank());
        }
        return c != 0 ? c : Long.compare(a.id(), b.id());
    };

    /** All entries grouped in, out, fwd; within a group by priority, then insertion order. */
    public synchronized List<SpdEntry> snapshot() {
        List<SpdEntry> l = new ArrayList<>(entries.values());
        l.sort((a, b) -> {
            int c = Integer.compare(a.policy().direction().ordinal(), b.policy().direction().ordinal());
            return c != 0 ? c : Long.compare(a.policy().sortPriority(), b.policy().sortPriority());
        });
        return l;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The policy that decides a packet of this flow in this direction, if any. */
    public Optional<SpdEntry> lookup(Direction direction, Flow flow) {
        return Optional.ofNullable(find(direction, flow.src(), flow.dst(), flow.protocol(), flow.srcPort(),
                flow.dstPort()));
    }

    /**
     * The same for a flow given by its parts (ICMP: type and code as the ports), or null: the
     * datapath's form, which makes no flow or Optional per packet.
     */
    public synchronized SpdEntry find(Direction direction, IpAddress src, IpAddress dst, int protocol, int srcPort,
                                      int dstPort) {
        if (!src.sameFamily(dst)) {
            return null;
        }
        return index(direction, src.isV4()).lookup(src, dst, protocol, srcPort, dstPort);
    }
}
