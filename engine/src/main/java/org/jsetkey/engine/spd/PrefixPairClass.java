package org.jsetkey.engine.spd;

import java.util.TreeMap;
import java.util.function.Consumer;

import org.jsetkey.engine.net.IpAddress;

/**
 * All policies of one direction and family whose selectors have the same source and
 * destination prefix lengths, hashed by their masked addresses (one "tuple" of tuple space
 * search) in a {@link PolicyTable}. Knows the best rank any of its policies can have, so a lookup can skip it.
 */
final class PrefixPairClass {
    final int srcLength;
    final int dstLength;
    private final long srcMaskHi;
    private final long srcMaskLo;
    private final long dstMaskHi;
    private final long dstMaskLo;
    private final PolicyTable table;
    /** This class's bit in the index's source and destination {@link PrefixFilter#matching} masks (set by the index). */
    long srcBit = -1L;
    long dstBit = -1L;
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
        table = new PolicyTable(bits);
    }

    static long maskHi(int length, int bits) {
        if (bits == 32) {
            return 0;
        }
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    static long maskLo(int length, int bits) {
        if (bits == 32) {
            return length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        }
        return length <= 64 ? 0 : -1L << (128 - length);
    }

    int size() {
        return size;
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
        table.add(key[0], key[1], key[2], key[3], e);
        priorities.merge(e.policy().sortPriority(), 1, Integer::sum);
        size++;
        updateBestRank();
    }

    void remove(SpdEntry e) {
        long[] key = keyOf(e);
        if (!table.remove(key[0], key[1], key[2], key[3], e)) {
            return;
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

    /** Every policy here, in no particular order. */
    void forEach(Consumer<SpdEntry> action) {
        table.forEach(action);
    }

    /** The policy table these masks key. */
    PolicyTable table() {
        return table;
    }

    /** The table slot of a packet's addresses (given as words), or -1. */
    int slot(long srcHi, long srcLo, long dstHi, long dstLo) {
        return table.find(srcHi & srcMaskHi, srcLo & srcMaskLo, dstHi & dstMaskHi, dstLo & dstMaskLo);
    }
}
