package org.jsetkey.engine.net;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An open-addressing hash table from a masked (src, dst) address pair, four 64-bit words,
 * to a value; linear probing with backward-shift deletion, so a lookup allocates nothing.
 * A blocked Bloom filter (two bits in one word per key, 8 bits per slot) answers most
 * misses from a small array that stays in cache, where the table itself would not; deletes
 * leave their bits, a resize rebuilds it. Tables whose lookups mostly hit (the SAD's) go
 * without the filter: it would only add a read.
 */
public final class AddressPairTable<V> {
    private static final int WORDS = 4;

    private long[] keys;
    private Object[] values;
    private long[] filter;
    private int size;
    private final boolean filtered;

    /** @param filtered whether a Bloom filter answers misses (for tables mostly probed in vain) */
    public AddressPairTable(boolean filtered) {
        this.filtered = filtered;
        allocate(8);
    }

    private void allocate(int capacity) {
        keys = new long[capacity * WORDS];
        values = new Object[capacity];
        filter = new long[filtered ? Math.max(1, capacity / 8) : 1];
    }

    private static long filterBits(int h) {
        return 1L << (h >>> 20) | 1L << (h >>> 26);
    }

    private boolean mayContain(int h) {
        long bits = filterBits(h);
        return (filter[(h >>> 4) & (filter.length - 1)] & bits) == bits;
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public V get(long a, long b, long c, long d) {
        int h = hash(a, b, c, d);
        if (filtered && !mayContain(h)) {
            return null;
        }
        int mask = values.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            int k = i * WORDS;
            if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d) {
                return (V) v;
            }
        }
    }

    /** Stores {@code value} (not null) under the key, replacing any value there. */
    public void put(long a, long b, long c, long d, V value) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int mask = values.length - 1;
        int h = hash(a, b, c, d);
        int i = h & mask;
        while (values[i] != null) {
            int k = i * WORDS;
            if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        int k = i * WORDS;
        keys[k] = a;
        keys[k + 1] = b;
        keys[k + 2] = c;
        keys[k + 3] = d;
        values[i] = value;
        if (filtered) {
            filter[(h >>> 4) & (filter.length - 1)] |= filterBits(h);
        }
        size++;
    }

    public void remove(long a, long b, long c, long d) {
        int mask = values.length - 1;
        int i = hash(a, b, c, d) & mask;
        while (true) {
            if (values[i] == null) {
                return;
            }
            int k = i * WORDS;
            if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // close the gap: move back every later entry of the run that may not stay behind the hole
        int hole = i;
        for (int j = (hole + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int kj = j * WORDS;
            int home = hash(keys[kj], keys[kj + 1], keys[kj + 2], keys[kj + 3]) & mask;
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                System.arraycopy(keys, kj, keys, hole * WORDS, WORDS);
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
        Arrays.fill(keys, hole * WORDS, hole * WORDS + WORDS, 0L);
    }

    @SuppressWarnings("unchecked")
    public void forEach(Consumer<V> action) {
        for (Object v : values) {
            if (v != null) {
                action.accept((V) v);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldValues.length * 2);
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                int k = i * WORDS;
                @SuppressWarnings("unchecked")
                V v = (V) oldValues[i];
                put(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], v);
            }
        }
    }

    private static int hash(long a, long b, long c, long d) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ b) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ c) * 0x9E3779B97F4A7C15L;
        h = (h ^ d) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        return (int) (h ^ (h >>> 33));
    }
}
