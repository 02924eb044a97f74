package org.jsetkey.engine.spd;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.jsetkey.engine.net.IpAddress;

/**
 * The lookup index of one direction and one address family: the policies split by their
 * (source, destination) prefix lengths, each class a hash table of masked address pairs.
 * A lookup probes the classes in the order of the best rank they may hold and stops once
 * the best match found so far ranks strictly before every class left, so it returns what
 * the ordered walk returns: lowest priority value, then most specific, then oldest.
 * With more classes than prefix lengths, a lookup first asks a {@link PrefixFilter} per side and
 * length whether the packet's source (destination) can lie in a prefix of that length, and probes
 * only the classes both sides allow (tuple pruning: one small filter read per length instead of
 * one probe per pair of lengths).
 * Not thread-safe: {@link Spd} serialises access.
 */
final class PolicyIndex {
    private static final int MAX_LENGTHS = 64;
    private static final int SRC = 0;
    private static final int DST = 1;

    private final int bits;
    private final Map<Integer, PrefixPairClass> classes = new HashMap<>();
    private PrefixPairClass[] order = new PrefixPairClass[0];
    /** Per side, per prefix length: the filter of the prefixes, and how many policies have that length. */
    private final PrefixFilter[][] filters;
    private final int[][] counts;
    /** Whether lookups ask the filters first; per side the filters they ask (null: none) and their masks. */
    private boolean pruned;
    private final PrefixFilter[][] checks = new PrefixFilter[2][0];
    private final long[][] maskHi = new long[2][0];
    private final long[][] maskLo = new long[2][0];

    PolicyIndex(int bits) {
        this.bits = bits;
        filters = new PrefixFilter[2][bits + 1];
        counts = new int[2][bits + 1];
    }

    void add(SpdEntry e) {
        Selector s = e.policy().selector();
        int key = s.src().length() << 8 | s.dst().length();
        PrefixPairClass c = classes.get(key);
        boolean created = c == null;
        if (created) {
            c = new PrefixPairClass(s.src().length(), s.dst().length(), bits);
            classes.put(key, c);
        }
        long before = c.bestRank();
        c.add(e);
        addPrefix(SRC, s.src().length(), s.src().address());
        addPrefix(DST, s.dst().length(), s.dst().address());
        if (created || c.bestRank() != before) {
            reorder();
        }
    }

    void remove(SpdEntry e) {
        Selector s = e.policy().selector();
        int key = s.src().length() << 8 | s.dst().length();
        PrefixPairClass c = classes.get(key);
        if (c == null) {
            return;
        }
        long before = c.bestRank();
        int had = c.size();
        c.remove(e);
        if (c.size() == had) {
            return;
        }
        if (c.isEmpty()) {
            classes.remove(key);
        }
        removePrefix(SRC, s.src().length());
        removePrefix(DST, s.dst().length());
        if (c.isEmpty() || c.bestRank() != before) {
            reorder();
        }
    }

    /** Whether lookups ask the prefix filters before probing classes (tests look). */
    boolean pruned() {
        return pruned;
    }

    void clear() {
        classes.clear();
        for (int side = 0; side < 2; side++) {
            Arrays.fill(filters[side], null);
            Arrays.fill(counts[side], 0);
        }
        reorder();
    }

    private void addPrefix(int side, int length, IpAddress a) {
        counts[side][length]++;
        if (length == 0) {
            return;
        }
        PrefixFilter f = filters[side][length];
        if (f == null) {
            f = new PrefixFilter();
            filters[side][length] = f;
        }
        if (f.full()) {
            refill(side, length, f.distinct() * 2);
        } else {
            f.add(a.highWord() & PrefixPairClass.maskHi(length, bits), a.lowWord() & PrefixPairClass.maskLo(length, bits));
        }
    }

    private void removePrefix(int side, int length) {
        int left = --counts[side][length];
        PrefixFilter f = filters[side][length];
        if (f == null) {
            return;
        }
        if (left == 0) {
            filters[side][length] = null;
            return;
        }
        f.removed();
        if (f.stale(left)) {
            refill(side, length, f.distinct());
        }
    }

    /** Empties one side's filter of one length and adds the prefixes of every policy with it again. */
    private void refill(int side, int length, int keys) {
        PrefixFilter f = filters[side][length];
        long mHi = PrefixPairClass.maskHi(length, bits);
        long mLo = PrefixPairClass.maskLo(length, bits);
        for (int size = keys; ; size *= 2) {
            f.reset(size);
            for (PrefixPairClass c : classes.values()) {
                if ((side == SRC ? c.srcLength : c.dstLength) == length) {
                    c.forEach(e -> {
                        Selector s = e.policy().selector();
                        IpAddress a = side == SRC ? s.src().address() : s.dst().address();
                        f.add(a.highWord() & mHi, a.lowWord() & mLo);
                    });
                }
            }
            if (!f.full()) {
                return;
            }
        }
    }

    private void reorder() {
        PrefixPairClass[] o = classes.values().toArray(new PrefixPairClass[0]);
        // written out: Comparator.comparingLong's lambda class is spun at every start, this one is archived
        Arrays.sort(o, (a, b) -> Long.compare(a.bestRank(), b.bestRank()));
        int[][] lengths = new int[2][];
        int asked = 0;
        for (int side = 0; side < 2; side++) {
            TreeSet<Integer> present = new TreeSet<>();
            for (PrefixPairClass c : o) {
                present.add(side == SRC ? c.srcLength : c.dstLength);
            }
            lengths[side] = present.stream().mapToInt(Integer::intValue).toArray();
            checks[side] = new PrefixFilter[lengths[side].length];
            maskHi[side] = new long[lengths[side].length];
            maskLo[side] = new long[lengths[side].length];
            for (int i = 0; i < lengths[side].length; i++) {
                int l = lengths[side][i];
                // length 0, or a length whose filter holds most prefixes, allows every address unasked
                checks[side][i] = l == 0 || filters[side][l].dense(l) ? null : filters[side][l];
                maskHi[side][i] = PrefixPairClass.maskHi(l, bits);
                maskLo[side][i] = PrefixPairClass.maskLo(l, bits);
                asked += checks[side][i] == null ? 0 : 1;
            }
        }
        // a filter check costs about what a class probe does: prune only when it saves probes
        pruned = lengths[SRC].length <= MAX_LENGTHS && lengths[DST].length <= MAX_LENGTHS && o.length > asked;
        for (PrefixPairClass c : o) {
            c.srcBit = pruned ? 1L << Arrays.binarySearch(lengths[SRC], c.srcLength) : -1L;
            c.dstBit = pruned ? 1L << Arrays.binarySearch(lengths[DST], c.dstLength) : -1L;
        }
        order = o;
    }

    /** The policy the ordered walk would choose for this flow, or null. */
    SpdEntry lookup(Flow flow) {
        return lookup(flow.src(), flow.dst(), flow.protocol(), flow.srcPort(), flow.dstPort());
    }

    /** The same for a flow given by its parts. */
    SpdEntry lookup(IpAddress src, IpAddress dst, int protocol, int srcPort, int dstPort) {
        long srcHi = src.highWord();
        long srcLo = src.lowWord();
        long dstHi = dst.highWord();
        long dstLo = dst.lowWord();
        long srcAllowed = -1L;
        long dstAllowed = -1L;
        if (pruned) {
            srcAllowed = PrefixFilter.matching(checks[SRC], maskHi[SRC], maskLo[SRC], srcHi, srcLo);
            if (srcAllowed == 0) {
                return null;
            }
            dstAllowed = PrefixFilter.matching(checks[DST], maskHi[DST], maskLo[DST], dstHi, dstLo);
        }
        SpdEntry best = null;
        long bestRank = Long.MAX_VALUE;
        long bestId = Long.MAX_VALUE;
        for (PrefixPairClass c : order) {
            if (best != null && bestRank < c.bestRank()) {
                break;
            }
            if ((c.srcBit & srcAllowed) == 0 || (c.dstBit & dstAllowed) == 0) {
                continue;
            }
            int slot = c.slot(srcHi, srcLo, dstHi, dstLo);
            if (slot < 0) {
                continue;
            }
            PolicyTable t = c.table();
            // read with the slot, not after the walk: the two cache misses overlap
            SpdEntry e = t.entry(slot);
            long r;
            long id;
            if (PolicyBucket.fits(t.match(slot), protocol, srcPort, dstPort)) {
                r = t.rank(slot);
                id = t.id(slot);
            } else {
                PolicyBucket bucket = t.several(slot);
                int i = bucket == null ? -1 : bucket.first(protocol, srcPort, dstPort);
                if (i < 0) {
                    continue;
                }
                e = bucket.entry(i);
                r = bucket.rankAt(i);
                id = bucket.idAt(i);
            }
            if (best == null || PolicyBucket.before(r, id, bestRank, bestId)) {
                best = e;
                bestRank = r;
                bestId = id;
            }
        }
        return best;
    }
}
