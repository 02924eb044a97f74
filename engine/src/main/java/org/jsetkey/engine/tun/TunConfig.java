package org.jsetkey.engine.tun;

import java.util.Objects;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;

/**
 * A real interface a host owns: the OS name of its TUN device, the host's own address on it and
 * the network behind it, as rc.conf gives them ({@code cloned_interfaces="tun0"},
 * {@code ifconfig_tun0="inet 10.1.0.1/24"}) or the flag {@code --tun tun0=10.1.0.1/24}.
 */
public record TunConfig(String name, IpAddress address, Prefix network) {
    /** Linux's IFNAMSIZ less the terminating NUL. */
    public static final int MAX_NAME = 15;

    public TunConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(network, "network");
        checkName(name);
    }

    /** Refuses what Linux would: empty, longer than 15 bytes, or with '/', ':' or blanks. */
    public static String checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || !name.matches("[A-Za-z0-9_.-]+")
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("interface name: \"" + name + "\" (expected: 1-" + MAX_NAME
                    + " letters, digits, '_', '.' or '-', e.g. tun0)");
        }
        return name;
    }

    /** Parses the flag's {@code NAME=ADDR/LEN}. */
    public static TunConfig parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("--tun: " + text + " (expected: NAME=ADDR/LEN, e.g. tun0=10.1.0.1/24)");
        }
        return of(text.substring(0, eq), text.substring(eq + 1), "--tun " + text);
    }

    /** {@code ADDR/LEN}: the host's address and the length of the network behind the interface. */
    public static TunConfig of(String name, String addressAndLength, String where) {
        int slash = addressAndLength.indexOf('/');
        IpAddress a = IpAddress.tryParse(slash < 0 ? addressAndLength : addressAndLength.substring(0, slash));
        if (a == null || slash < 0) {
            throw new IllegalArgumentException(where + ": \"" + addressAndLength
                    + "\" (expected: ADDR/LEN, the host's address and the network's length, e.g. 10.1.0.1/24)");
        }
        int len;
        try {
            len = Integer.parseInt(addressAndLength.substring(slash + 1));
        } catch (NumberFormatException e) {
            len = -1;
        }
        if (len < 0 || len > a.bitLength()) {
            throw new IllegalArgumentException(where + ": prefix length \"" + addressAndLength.substring(slash + 1)
                    + "\" (expected: 0-" + a.bitLength() + ")");
        }
        return new TunConfig(checkName(name), a, new Prefix(a, len));
    }

    /** Whether a packet to {@code dst} leaves through this interface: behind it, and not the host itself. */
    public boolean routes(IpAddress dst) {
        return network.contains(dst) && !dst.equals(address);
    }

    public String format() {
        return name + "=" + address.format() + "/" + network.length();
    }
}
