package org.jsetkey.engine.spd;

import java.util.TreeMap;

import org.jsetkey.engine.net.AddressPairTable;
import org.jsetkey.engine.net.IpAddress;

/**
 * All policies of one direction and family whose selectors have the same source and
 * destination prefix lengths, hashed by their masked addresses (one "tuple" of tuple space
 * search). Knows the best rank any of its policies can have, so a lookup can skip it.
 */
final class PrefixPairClass {
    final int srcLength;
    final int dstLength;
    private final long srcMaskHi;
    private final long srcMaskLo;
    private final long dstMaskHi;
    private final long dstMaskLo;
    private final AddressPairTable<PolicyBucket> buckets = new AddressPairTable<>(true);
    /** Stored priority to how many policies here have it. */
    private final TreeMap<Long, Integer> priorities = new TreeMap<>();
    private int size;
    private long bestRank;

    PrefixPairClass(int srcLength, int dstLength, int bits) {
        this.srcLength = srcLength;
        this.dstLength = dstLength;
        srcMaskHi = maskHi(srcLength, bits);
        srcMaskLo = maskLo(srcLength, bits);
        dstMaskHi = maskHi(dstLength, bits);
        dstMaskLo = maskLo(dstLength, bits);
    }

    private static long maskHi(int length, int bits) {
        if (bits == 32) {
            return 0;
        }
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    private static long maskLo(int length, int bits) {
        if (bits == 32) {
            return length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        }
        return length <= 64 ? 0 : -1L << (128 - length);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** No policy here ranks before this. */
    long bestRank() {
        return bestRank;
    }

    /** The entry's addresses under this class's masks: its bucket key (source hi, lo, destination hi, lo). */
    private long[] keyOf(SpdEntry e) {
        Selector s = e.policy().selector();
        IpAddress src = s.src().address();
        IpAddress dst = s.dst().address();
        return new long[] {src.highWord() & srcMaskHi, src.lowWord() & srcMaskLo, dst.highWord() & dstMaskHi,
                dst.lowWord() & dstMaskLo};
    }

    void add(SpdEntry e) {
        long[] key = keyOf(e);
        PolicyBucket bucket = buckets.get(key[0], key[1], key[2], key[3]);
        if (bucket == null) {
            bucket = new PolicyBucket();
            buckets.put(key[0], key[1], key[2], key[3], bucket);
        }
        bucket.add(e);
        priorities.merge(e.policy().sortPriority(), 1, Integer::sum);
        size++;
        updateBestRank();
    }

    void remove(SpdEntry e) {
        long[] key = keyOf(e);
        PolicyBucket bucket = buckets.get(key[0], key[1], key[2], key[3]);
        if (bucket == null || !bucket.remove(e.id())) {
            return;
        }
        if (bucket.isEmpty()) {
            buckets.remove(key[0], key[1], key[2], key[3]);
        }
        priorities.computeIfPresent(e.policy().sortPriority(), (k, n) -> n == 1 ? null : n - 1);
        size--;
        updateBestRank();
    }

    private void updateBestRank() {
        if (size == 0) {
            bestRank = Long.MAX_VALUE;
            return;
        }
        int maxSpecificity = (srcLength + dstLength) * 8 + 8;
        bestRank = priorities.firstKey() << 16 | (0xffff - maxSpecificity);
    }

    /** The bucket for a packet's addresses (given as words), or null. */
    PolicyBucket bucket(long srcHi, long srcLo, long dstHi, long dstLo) {
        return buckets.get(srcHi & srcMaskHi, srcLo & srcMaskLo, dstHi & dstMaskHi, dstLo & dstMaskLo);
    }
}
