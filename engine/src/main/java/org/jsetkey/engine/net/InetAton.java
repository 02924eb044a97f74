package org.jsetkey.engine.net;

/**
 * The old IPv4 number forms {@code inet_aton(3)} (and so glibc's numeric {@code getaddrinfo},
 * which ipsec-tools' setkey calls) reads: one to four parts, each decimal, octal after a leading
 * {@code 0} or hex after {@code 0x}; the last part fills the remaining bytes
 * ({@code 10.010.2} is 10.8.0.2, {@code 127.1} is 127.0.0.1).
 */
public final class InetAton {
    private InetAton() {
    }

    /** The address, or null when inet_aton would refuse the text too. */
    public static IpAddress parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] n = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            n[i] = part(parts[i]);
            if (n[i] < 0) {
                return null;
            }
        }
        long value = 0;
        for (int i = 0; i < n.length - 1; i++) {
            if (n[i] > 0xff) {
                return null;
            }
            value |= n[i] << (24 - 8 * i);
        }
        long last = n[n.length - 1];
        if (last >= 1L << (8 * (5 - n.length))) {
            return null;
        }
        value |= last;
        return IpAddress.of(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8),
            (byte) value});
    }

    private static long part(String p) {
        int radix = 10;
        String digits = p;
        if (p.startsWith("0x") || p.startsWith("0X")) {
            radix = 16;
            digits = p.substring(2);
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            digits = p.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 11) {
            return -1;
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                return -1;
            }
        }
        long v = Long.parseLong(digits, radix);
        return v > 0xffffffffL ? -1 : v;
    }
}
