package org.jsetkey.engine.net;

import java.util.Objects;

/** An address with a prefix length; bits beyond the prefix are kept as given. */
public record Prefix(IpAddress address, int length) {

    public Prefix {
        Objects.requireNonNull(address, "address");
        if (length < 0 || length > address.bitLength()) {
            throw new IllegalArgumentException("prefix length: " + length + " (expected: 0-" + address.bitLength() + ")");
        }
    }

    // written out: a record's generated hashCode bootstraps method handles on first use (start-up)
    @Override
    public int hashCode() {
        return address.hashCode() * 31 + length;
    }

    public static Prefix host(IpAddress address) {
        return new Prefix(address, address.bitLength());
    }

    public boolean isHost() {
        return length == address.bitLength();
    }

    public boolean contains(IpAddress a) {
        return address.matchesPrefix(a, length);
    }

    /** "10.0.0.0/8", or just the address when the prefix covers it all. */
    public String format() {
        return isHost() ? address.format() : address.format() + "/" + length;
    }

    @Override
    public String toString() {
        return format();
    }
}
