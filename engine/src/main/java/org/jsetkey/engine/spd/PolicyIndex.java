package org.jsetkey.engine.spd;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.jsetkey.engine.net.IpAddress;

/**
 * The lookup index of one direction and one address family: the policies split by their
 * (source, destination) prefix lengths, each class a hash table of masked address pairs.
 * A lookup probes the classes in the order of the best rank they may hold and stops once
 * the best match found so far ranks strictly before every class left, so it returns what
 * the ordered walk returns: lowest priority value, then most specific, then oldest.
 * Not thread-safe: {@link Spd} serialises access.
 */
final class PolicyIndex {
    private final int bits;
    private final Map<Integer, PrefixPairClass> classes = new HashMap<>();
    private PrefixPairClass[] order = new PrefixPairClass[0];

    PolicyIndex(int bits) {
        this.bits = bits;
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
        c.remove(e);
        if (c.isEmpty()) {
            classes.remove(key);
            reorder();
        } else if (c.bestRank() != before) {
            reorder();
        }
    }

    void clear() {
        classes.clear();
        order = new PrefixPairClass[0];
    }

    private void reorder() {
        PrefixPairClass[] o = classes.values().toArray(new PrefixPairClass[0]);
        Arrays.sort(o, Comparator.comparingLong(PrefixPairClass::bestRank));
        order = o;
    }

    /** The policy the ordered walk would choose for this flow, or null. */
    SpdEntry lookup(Flow flow) {
        IpAddress src = flow.src();
        IpAddress dst = flow.dst();
        long srcHi = src.highWord();
        long srcLo = src.lowWord();
        long dstHi = dst.highWord();
        long dstLo = dst.lowWord();
        PolicyBucket best = null;
        int bestIndex = -1;
        long bestRank = Long.MAX_VALUE;
        long bestId = Long.MAX_VALUE;
        for (PrefixPairClass c : order) {
            if (best != null && bestRank < c.bestRank()) {
                break;
            }
            PolicyBucket bucket = c.bucket(srcHi, srcLo, dstHi, dstLo);
            if (bucket == null) {
                continue;
            }
            int i = bucket.first(flow.protocol(), flow.srcPort(), flow.dstPort());
            if (i < 0) {
                continue;
            }
            long r = bucket.rankAt(i);
            long id = bucket.idAt(i);
            if (best == null || PolicyBucket.before(r, id, bestRank, bestId)) {
                best = bucket;
                bestIndex = i;
                bestRank = r;
                bestId = id;
            }
        }
        return best == null ? null : best.entry(bestIndex);
    }
}
