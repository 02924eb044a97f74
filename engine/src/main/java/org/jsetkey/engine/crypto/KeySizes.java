package org.jsetkey.engine.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * The key lengths an algorithm accepts, in bits: either an explicit set or a range
 * with a step. {@link #NONE} means the algorithm takes no key token at all.
 */
public record KeySizes(List<Integer> exact, int minBits, int maxBits, int stepBits) {

    public static final KeySizes NONE = new KeySizes(List.of(), 0, 0, 0);

    public KeySizes {
        exact = List.copyOf(exact);
    }

    public static KeySizes of(int... bits) {
        List<Integer> l = new ArrayList<>();
        for (int b : bits) {
            l.add(b);
        }
        return new KeySizes(l, bits[0], bits[bits.length - 1], 0);
    }

    public static KeySizes range(int minBits, int maxBits, int stepBits) {
        return new KeySizes(List.of(), minBits, maxBits, stepBits);
    }

    public boolean keyless() {
        return exact.isEmpty() && stepBits == 0;
    }

    public boolean accepts(int bits) {
        if (keyless()) {
            return bits == 0;
        }
        if (!exact.isEmpty()) {
            return exact.contains(bits);
        }
        return bits >= minBits && bits <= maxBits && (bits - minBits) % stepBits == 0;
    }

    /** "128 bits", "128, 192 or 256 bits", "40-448 bits": for messages and help. */
    public String describeBits() {
        if (keyless()) {
            return "no key";
        }
        if (!exact.isEmpty()) {
            return join(exact, "") + " bits";
        }
        return minBits + "-" + maxBits + " bits";
    }

    /** The same in bytes: "16 bytes", "20, 28 or 36 bytes", "5-56 bytes". */
    public String describeBytes() {
        if (keyless()) {
            return "no key";
        }
        if (!exact.isEmpty()) {
            return join(exact, "/8") + " bytes";
        }
        return (minBits / 8) + "-" + (maxBits / 8) + " bytes";
    }

    private static String join(List<Integer> values, String div) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            int v = div.isEmpty() ? values.get(i) : values.get(i) / 8;
            if (i > 0) {
                sb.append(i == values.size() - 1 ? " or " : ", ");
            }
            sb.append(v);
        }
        return sb.toString();
    }
}
