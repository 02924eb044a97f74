package org.jsetkey.engine.spd;

import java.util.Arrays;

import org.jsetkey.engine.net.IpProtocol;

/**
 * The policies of one direction whose selectors cover the same masked source and destination
 * prefixes, in the order lookup prefers them: rank (priority, then specificity), then id
 * (insertion order). The first one whose protocol and ports fit a packet is the bucket's answer.
 */
final class PolicyBucket {
    private static final int STRIDE = 3;
    private static final long SRC_EXACT = 1L << 41;
    private static final long DST_EXACT = 1L << 40;

    private SpdEntry[] entries = new SpdEntry[0];
    /**
     * Per entry: rank, id, exact-0 bits << 40 | upper protocol << 32 | src port << 16 | dst port (one array:
     * one cache miss).
     */
    private long[] data = new long[0];

    static long rank(Policy p) {
        return p.rank();
    }

    /** Orders by rank, then by id (the earlier policy wins a tie). */
    static boolean before(long rankA, long idA, long rankB, long idB) {
        return rankA < rankB || rankA == rankB && idA < idB;
    }

    boolean isEmpty() {
        return entries.length == 0;
    }

    int size() {
        return entries.length;
    }

    void add(SpdEntry e) {
        long r = rank(e.policy());
        int at = 0;
        while (at < entries.length && before(rankAt(at), idAt(at), r, e.id())) {
            at++;
        }
        int n = entries.length;
        entries = Arrays.copyOf(entries, n + 1);
        data = Arrays.copyOf(data, (n + 1) * STRIDE);
        System.arraycopy(entries, at, entries, at + 1, n - at);
        System.arraycopy(data, at * STRIDE, data, (at + 1) * STRIDE, (n - at) * STRIDE);
        entries[at] = e;
        data[at * STRIDE] = r;
        data[at * STRIDE + 1] = e.id();
        data[at * STRIDE + 2] = match(e.policy().selector());
    }

    /** The selector's protocol and ports as one word: exact-0 bits << 40 | upper protocol << 32 | src port << 16 | dst port. */
    static long match(Selector s) {
        return (s.srcZeroExact() ? SRC_EXACT : 0) | (s.dstZeroExact() ? DST_EXACT : 0)
                | (long) s.upperProtocol() << 32 | (long) s.srcPort() << 16 | s.dstPort();
    }

    /** Whether a packet's protocol and ports fit a {@link #match} word. */
    static boolean fits(long u, int protocol, int srcPort, int dstPort) {
        int proto = (int) (u >>> 32) & 0xff;
        int sp = (int) (u >>> 16) & 0xffff;
        int dp = (int) u & 0xffff;
        return (proto == IpProtocol.ANY.number() || proto == protocol)
                && (sp == 0 && (u & SRC_EXACT) == 0 || sp == srcPort)
                && (dp == 0 && (u & DST_EXACT) == 0 || dp == dstPort);
    }

    /** Removes the entry with this id; false when none. */
    boolean remove(long id) {
        for (int i = 0; i < entries.length; i++) {
            if (idAt(i) == id) {
                int n = entries.length - 1;
                System.arraycopy(entries, i + 1, entries, i, n - i);
                System.arraycopy(data, (i + 1) * STRIDE, data, i * STRIDE, (n - i) * STRIDE);
                entries = Arrays.copyOf(entries, n);
                data = Arrays.copyOf(data, n * STRIDE);
                return true;
            }
        }
        return false;
    }

    /** Index of the first entry that fits the packet's protocol and ports, or -1. */
    int first(int protocol, int srcPort, int dstPort) {
        long[] d = data;
        for (int i = 0, k = 2; k < d.length; i++, k += STRIDE) {
            if (fits(d[k], protocol, srcPort, dstPort)) {
                return i;
            }
        }
        return -1;
    }

    SpdEntry entry(int i) {
        return entries[i];
    }

    long rankAt(int i) {
        return data[i * STRIDE];
    }

    long idAt(int i) {
        return data[i * STRIDE + 1];
    }

    long matchAt(int i) {
        return data[i * STRIDE + 2];
    }
}
