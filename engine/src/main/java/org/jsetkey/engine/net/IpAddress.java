package org.jsetkey.engine.net;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric IPv4 or IPv6 address, optionally with an IPv6 zone ({@code fe80::1%lo0}).
 * Formatting follows inet_ntop: IPv6 lower case, the longest run of two or more zero
 * groups compressed, IPv4-mapped and IPv4-compatible forms with a dotted tail.
 */
public record IpAddress(byte[] bytes, String zone) {

    public IpAddress {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("address length: " + bytes.length + " (expected: 4 or 16)");
        }
        bytes = bytes.clone();
        if (zone != null && (zone.isEmpty() || bytes.length == 4)) {
            throw new IllegalArgumentException("zone: " + zone + " (expected: only on IPv6)");
        }
    }

    public static IpAddress of(byte[] bytes) {
        return new IpAddress(bytes, null);
    }

    /** Parses a numeric literal; throws {@link IllegalArgumentException} with a reason. */
    public static IpAddress parse(String text) {
        return AddressParser.parse(text);
    }

    /** Returns the parsed address, or null when {@code text} is not a numeric address. */
    public static IpAddress tryParse(String text) {
        try {
            return AddressParser.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether this zone-less address is the {@code n} bytes of {@code b} from {@code from}. */
    boolean isAt(byte[] b, int from, int n) {
        return zone == null && bytes.length == n && Arrays.equals(bytes, 0, n, b, from, from + n);
    }

    public boolean isV4() {
        return bytes.length == 4;
    }

    public boolean isV6() {
        return bytes.length == 16;
    }

    /** Checks that a header's two addresses are present and of IP version {@code version}. */
    static void requireFamily(int version, IpAddress src, IpAddress dst) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        int length = version == 4 ? 4 : 16;
        if (src.length() != length || dst.length() != length) {
            throw new IllegalArgumentException("IPv" + version + " header needs IPv" + version + " addresses: "
                    + src + " " + dst);
        }
    }

    public int bitLength() {
        return bytes.length * 8;
    }

    public int length() {
        return bytes.length;
    }

    public int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    /** The first 64 bits of an IPv6 address; 0 for IPv4. With {@link #lowWord()}, a hash-table key. */
    public long highWord() {
        return isV4() ? 0 : word(0);
    }

    /** The last 64 bits of an IPv6 address; an IPv4 address in the low 32 bits. */
    public long lowWord() {
        if (isV4()) {
            return (long) byteAt(0) << 24 | byteAt(1) << 16 | byteAt(2) << 8 | byteAt(3);
        }
        return word(8);
    }

    private long word(int from) {
        long w = 0;
        for (int i = from; i < from + 8; i++) {
            w = w << 8 | byteAt(i);
        }
        return w;
    }

    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    public boolean sameFamily(IpAddress other) {
        return bytes.length == other.bytes.length;
    }

    /** True when the first {@code prefixLen} bits equal those of {@code other}. */
    public boolean matchesPrefix(IpAddress other, int prefixLen) {
        if (!sameFamily(other)) {
            return false;
        }
        int full = prefixLen / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != other.bytes[i]) {
                return false;
            }
        }
        int rest = prefixLen % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (other.bytes[full] & mask);
    }

    public String format() {
        String text = isV4() ? AddressFormatter.formatV4(bytes, 0) : AddressFormatter.formatV6(bytes);
        return zone == null ? text : text + "%" + zone;
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes)
                && Objects.equals(zone, other.zone);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Objects.hashCode(zone);
    }
}
