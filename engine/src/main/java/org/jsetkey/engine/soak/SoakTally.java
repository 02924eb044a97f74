package org.jsetkey.engine.soak;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.stats.DropReason;

/** What the soak counted, updated from every thread. Index 0 is phoenix -> cardinal, 1 the way back. */
final class SoakTally {
    static final int MAX_ERRORS_KEPT = 20;

    final AtomicLong[] sent = {new AtomicLong(), new AtomicLong()};
    final AtomicLong[] received = {new AtomicLong(), new AtomicLong()};
    final AtomicLong fuzzed = new AtomicLong();
    final Map<Fuzz, AtomicLong> fuzzedByKind = new EnumMap<>(Fuzz.class);
    /** Drops by reason at the receiving host of each direction (cardinal, phoenix). */
    final List<Map<DropReason, AtomicLong>> drops = List.of(new EnumMap<>(DropReason.class),
            new EnumMap<>(DropReason.class));
    private final Map<Count, AtomicLong> counts = new EnumMap<>(Count.class);
    private final AtomicLong errors = new AtomicLong();
    private final List<String> firstErrors = new ArrayList<>();

    /** What the key management did. */
    enum Count {
        REKEYS, SA_ADDED, SA_UPDATED, SA_DELETED, POLICIES_ADDED, POLICIES_DELETED, SHORT_LIVED, SOFT_EXPIRED,
        HARD_EXPIRED
    }

    SoakTally() {
        for (Count c : Count.values()) {
            counts.put(c, new AtomicLong());
        }
        for (Fuzz f : Fuzz.values()) {
            fuzzedByKind.put(f, new AtomicLong());
        }
        for (Map<DropReason, AtomicLong> m : drops) {
            for (DropReason r : DropReason.values()) {
                m.put(r, new AtomicLong());
            }
        }
    }

    void add(Count c) {
        counts.get(c).incrementAndGet();
    }

    long get(Count c) {
        return counts.get(c).get();
    }

    void error(String what) {
        errors.incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < MAX_ERRORS_KEPT) {
                firstErrors.add(what);
            }
        }
    }

    long errors() {
        return errors.get();
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return List.copyOf(firstErrors);
        }
    }

    /** Drops of the datapath; the link's own refusals (LINK_*) are its malformed count, accounted apart. */
    long dropped(int direction) {
        return drops.get(direction).entrySet().stream().filter(e -> e.getKey().linkStat() == null)
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** "AUTH_FAILED=12 REPLAY=3", the non-zero counts; "none" when all are zero. */
    static <K> String nonZero(Map<K, AtomicLong> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> {
            if (v.get() != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v.get());
            }
        });
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
