package org.jsetkey.engine.sysctl;

import java.util.OptionalLong;

/** C {@code strtol(s, &end, 0)} with the sysctl(8) rule that the whole string must be used. */
final class StrtolParser {
    private StrtolParser() {
    }

    /** The value, or empty when {@code s} has no digits, trailing garbage, or overflows a long. */
    static OptionalLong parse(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int base = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            base = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            base = 8;
        }
        int start = i;
        long value = 0;
        while (i < n) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0 || s.charAt(i) > 0x7f) {
                break;
            }
            try {
                value = Math.addExact(Math.multiplyExact(value, base), negative ? -d : d);
            } catch (ArithmeticException overflow) {
                return OptionalLong.empty();
            }
            i++;
        }
        if (i == start || i != n) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
