package org.jsetkey.engine.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The memory limit a large table is compared with: one random read from an int array as large as
 * the table's key slots. Each read's index is the value the previous read returned, and the
 * indices form one cycle through every 64-byte line of the array in random order (Sattolo's
 * shuffle), so no two reads overlap, no line is read twice in a cycle and no prefetcher can guess.
 */
final class RandomRead {
    static final int LINE_INTS = 16;
    /** Four 64-bit words of key per slot, as in the SAD's and SPD's address-pair tables. */
    private static final int SLOT_BYTES = 32;

    private RandomRead() {
    }

    /** The bytes of key slots an address-pair table of {@code entries} keeps (at most half full). */
    static long keyBytes(int entries) {
        long slots = Math.max(8, Long.highestOneBit(Math.max(1, 2L * entries - 1)) << 1);
        return slots * SLOT_BYTES;
    }

    /** One dependent random read per call over {@code bytes} bytes of array. */
    static Interleaved.Op op(long bytes, long seed) {
        int[] chain = chain(Math.toIntExact(Math.max(2, bytes / (LINE_INTS * 4))), seed);
        int[] at = {0};
        return () -> at[0] = chain[at[0]];
    }

    /** {@code lines} lines of 16 ints; the first int of each names the next line's first int. */
    static int[] chain(int lines, long seed) {
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = lines - 1; i > 0; i--) { // Sattolo: j < i, so the permutation is one cycle
            int j = rnd.nextInt(i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chain = new int[lines * LINE_INTS];
        for (int i = 0; i < lines; i++) {
            chain[i * LINE_INTS] = order[i] * LINE_INTS;
        }
        return chain;
    }

    /** {@code 64 MiB}, for a baseline's cell. */
    static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%d MiB", bytes >> 20)
                : String.format(Locale.ROOT, "%d KiB", bytes >> 10);
    }
}
