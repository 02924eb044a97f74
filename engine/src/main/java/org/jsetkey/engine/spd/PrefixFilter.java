package org.jsetkey.engine.spd;

/**
 * Which prefixes of one length one side (source or destination) of a {@link PolicyIndex}'s
 * policies has: a blocked Bloom filter over the masked addresses, two bits in one 64-bit word per
 * prefix, 8 to 16 bits per distinct prefix (so the 222 /8s of 25,000 policies take 32 words).
 * No false negatives, so a lookup may skip every prefix-pair class whose source or
 * destination prefix the filters rule out (tuple pruning). Removals leave their bits; the index
 * refills the filter from its policies when it is full or mostly stale.
 */
final class PrefixFilter {
    private static final int BITS_PER_KEY = 8;

    private long[] words = new long[1];
    private int capacity = 8;
    /** Keys that set a bit not set before: about the distinct prefixes added since the last reset. */
    private int distinct;
    private int removed;

    /** Empties the filter and sizes it for {@code keys} distinct prefixes. */
    void reset(int keys) {
        capacity = Math.max(8, keys);
        words = new long[Math.toIntExact(Long.highestOneBit(Math.max(1, (long) capacity * BITS_PER_KEY / 64) * 2 - 1))];
        distinct = 0;
        removed = 0;
    }

    void add(long hi, long lo) {
        long h = hash(hi, lo);
        int i = index(h);
        long b = bitsOf(h);
        if ((words[i] & b) != b) {
            words[i] |= b;
            distinct++;
        }
    }

    /** A policy with this prefix left; its bits stay until the next reset. */
    void removed() {
        removed++;
    }

    /** About how many distinct prefixes it holds. */
    int distinct() {
        return distinct;
    }

    /**
     * True when it holds at least half of all prefixes of this length (say 222 of the 256 /8s):
     * asking it would hardly ever rule out a class.
     */
    boolean dense(int length) {
        return length < 31 && (long) distinct * 2 >= 1L << length;
    }

    /** Holding as many prefixes as it was sized for. */
    boolean full() {
        return distinct >= capacity;
    }

    /** More removals since the last reset than the {@code live} policies it is for. */
    boolean stale(int live) {
        return removed > Math.max(live, 64);
    }

    /** False only when no policy of this side and length has the prefix covering the (masked) address. */
    boolean mayContain(long hi, long lo) {
        long h = hash(hi, lo);
        long b = bitsOf(h);
        return (words[index(h)] & b) == b;
    }

    /**
     * Bit {@code i} set when the address may fall in a prefix that {@code filters[i]} holds, the
     * address masked with {@code maskHi[i]}, {@code maskLo[i]}; a null filter (length 0) always fits.
     */
    static long matching(PrefixFilter[] filters, long[] maskHi, long[] maskLo, long hi, long lo) {
        long found = 0;
        for (int i = 0; i < filters.length; i++) {
            PrefixFilter f = filters[i];
            if (f == null || f.mayContain(hi & maskHi[i], lo & maskLo[i])) {
                found |= 1L << i;
            }
        }
        return found;
    }

    private int index(long h) {
        return (int) (h >>> 40) & (words.length - 1);
    }

    /** Two bits from the product's middle, where every bit of a masked address has reached. */
    private static long bitsOf(long h) {
        return 1L << (h >>> 28) | 1L << (h >>> 34);
    }

    private static long hash(long hi, long lo) {
        return (hi * 0x9E3779B97F4A7C15L + lo) * 0xC2B2AE3D27D4EB4FL;
    }
}
