package org.jsetkey.engine.spd;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The policies of one {@link PrefixPairClass}, by masked (source, destination) address pair, in
 * one open-addressing table of primitive slots: the key (both IPv4 addresses in one word, or four
 * words for IPv6), then rank, id and match word (protocol, ports) of the pair's best-ranked
 * policy, with that policy's entry in a parallel array. A lookup that hits reads one slot and one
 * array element; only a pair with several policies also keeps them all in a {@link PolicyBucket}. Linear probing, at most half
 * full, backward-shift deletion; a blocked Bloom filter (4 bits per slot: 8 or more per pair) answers most misses
 * from a small array. Not thread-safe: {@link Spd} serialises access.
 */
final class PolicyTable {
    private static final int RANK = 0;
    private static final int ID = 1;
    private static final int MATCH = 2;

    private final int keyWords;
    private final int stride;
    /** Per slot: key words, rank, id (0: empty; spids start at 1), match word. */
    private long[] slots;
    /** Per slot: the pair's best-ranked policy; typed, so reading it needs no look at the object. */
    private SpdEntry[] entries;
    /** Per slot: the pair's policies when it has several, else null. */
    private PolicyBucket[] buckets;
    private long[] filter;
    private int size;

    /** @param bits 32 or 128 */
    PolicyTable(int bits) {
        keyWords = bits == 32 ? 1 : 4;
        stride = keyWords + 3;
        allocate(8);
    }

    private void allocate(int capacity) {
        slots = new long[capacity * stride];
        entries = new SpdEntry[capacity];
        buckets = new PolicyBucket[capacity];
        filter = new long[Math.max(1, capacity / 16)];
    }

    /** Address pairs held. */
    int size() {
        return size;
    }

    /** The slot of this masked pair (source hi, lo, destination hi, lo), or -1. */
    int find(long a, long b, long c, long d) {
        int h = hash(a, b, c, d);
        long bloom = filterBits(h);
        if ((filter[(h >>> 4) & (filter.length - 1)] & bloom) != bloom) {
            return -1;
        }
        int mask = entries.length - 1;
        long k0 = keyWords == 1 ? b << 32 | d : a;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int s = i * stride;
            if (slots[s + keyWords + ID] == 0) {
                return -1;
            }
            if (slots[s] == k0 && (keyWords == 1 || slots[s + 1] == b && slots[s + 2] == c && slots[s + 3] == d)) {
                return i;
            }
        }
    }

    long rank(int slot) {
        return slots[slot * stride + keyWords + RANK];
    }

    long id(int slot) {
        return slots[slot * stride + keyWords + ID];
    }

    /** The best-ranked policy's match word (see {@link PolicyBucket#fits}). */
    long match(int slot) {
        return slots[slot * stride + keyWords + MATCH];
    }

    /** The pair's policies when it has several, else null. */
    PolicyBucket several(int slot) {
        return buckets[slot];
    }

    /** The pair's best-ranked policy. */
    SpdEntry entry(int slot) {
        return entries[slot];
    }

    void add(long a, long b, long c, long d, SpdEntry e) {
        int slot = find(a, b, c, d);
        if (slot >= 0) {
            PolicyBucket bucket = several(slot);
            if (bucket == null) {
                bucket = new PolicyBucket();
                bucket.add(entries[slot]);
                buckets[slot] = bucket;
            }
            bucket.add(e);
            describe(slot, bucket);
            return;
        }
        if ((size + 1) * 2 > entries.length) {
            grow();
        }
        slot = insert(a, b, c, d);
        entries[slot] = e;
        int s = slot * stride + keyWords;
        slots[s + RANK] = PolicyBucket.rank(e.policy());
        slots[s + ID] = e.id();
        slots[s + MATCH] = PolicyBucket.match(e.policy().selector());
    }

    /** Removes the entry (same id) under this pair; false when it is not there. */
    boolean remove(long a, long b, long c, long d, SpdEntry e) {
        int slot = find(a, b, c, d);
        if (slot < 0) {
            return false;
        }
        PolicyBucket bucket = several(slot);
        if (bucket == null) {
            if (id(slot) != e.id()) {
                return false;
            }
            delete(slot);
            return true;
        }
        if (!bucket.remove(e.id())) {
            return false;
        }
        describe(slot, bucket);
        if (bucket.size() == 1) {
            buckets[slot] = null;
        }
        return true;
    }

    /** Copies the bucket's best-ranked policy into the slot. */
    private void describe(int slot, PolicyBucket bucket) {
        int s = slot * stride + keyWords;
        slots[s + RANK] = bucket.rankAt(0);
        slots[s + ID] = bucket.idAt(0);
        slots[s + MATCH] = bucket.matchAt(0);
        entries[slot] = bucket.entry(0);
    }

    /** Every policy, in no particular order. */
    void forEach(Consumer<SpdEntry> action) {
        for (int i = 0; i < entries.length; i++) {
            if (buckets[i] != null) {
                for (int k = 0; k < buckets[i].size(); k++) {
                    action.accept(buckets[i].entry(k));
                }
            } else if (entries[i] != null) {
                action.accept(entries[i]);
            }
        }
    }

    /** Claims the empty slot the pair (not in the table) goes to and writes its key there. */
    private int insert(long a, long b, long c, long d) {
        int h = hash(a, b, c, d);
        int mask = entries.length - 1;
        int i = h & mask;
        while (slots[i * stride + keyWords + ID] != 0) {
            i = (i + 1) & mask;
        }
        int s = i * stride;
        if (keyWords == 1) {
            slots[s] = b << 32 | d;
        } else {
            slots[s] = a;
            slots[s + 1] = b;
            slots[s + 2] = c;
            slots[s + 3] = d;
        }
        filter[(h >>> 4) & (filter.length - 1)] |= filterBits(h);
        size++;
        return i;
    }

    private void delete(int slot) {
        int mask = entries.length - 1;
        size--;
        // close the gap: move back every later slot of the run that may not stay behind the hole
        int hole = slot;
        for (int j = (hole + 1) & mask; slots[j * stride + keyWords + ID] != 0; j = (j + 1) & mask) {
            int home = homeOf(j) & mask;
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                System.arraycopy(slots, j * stride, slots, hole * stride, stride);
                entries[hole] = entries[j];
                buckets[hole] = buckets[j];
                hole = j;
            }
        }
        entries[hole] = null;
        buckets[hole] = null;
        Arrays.fill(slots, hole * stride, hole * stride + stride, 0L);
    }

    private int homeOf(int slot) {
        int s = slot * stride;
        return keyWords == 1 ? mix(slots[s]) : hash(slots[s], slots[s + 1], slots[s + 2], slots[s + 3]);
    }

    private void grow() {
        long[] oldSlots = slots;
        SpdEntry[] oldEntries = entries;
        PolicyBucket[] oldBuckets = buckets;
        allocate(oldEntries.length * 2);
        size = 0;
        for (int i = 0; i < oldEntries.length; i++) {
            if (oldEntries[i] == null) {
                continue;
            }
            int s = i * stride;
            int slot = keyWords == 1 ? insert(0, oldSlots[s] >>> 32, 0, oldSlots[s] & 0xffffffffL)
                    : insert(oldSlots[s], oldSlots[s + 1], oldSlots[s + 2], oldSlots[s + 3]);
            System.arraycopy(oldSlots, s + keyWords, slots, slot * stride + keyWords, 3);
            entries[slot] = oldEntries[i];
            buckets[slot] = oldBuckets[i];
        }
    }

    private static long filterBits(int h) {
        return 1L << (h >>> 20) | 1L << (h >>> 26);
    }

    /** IPv4 addresses sit in the low words {@code b}, {@code d}: one word to mix, not four. */
    private int hash(long a, long b, long c, long d) {
        return mix(keyWords == 1 ? b << 32 | d : ((a * 0x9E3779B97F4A7C15L + b) * 0xC2B2AE3D27D4EB4FL + c)
                * 0x9E3779B97F4A7C15L + d);
    }

    private static int mix(long k) {
        long h = k * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 32)) * 0xFF51AFD7ED558CCDL;
        return (int) (h ^ (h >>> 32));
    }
}
