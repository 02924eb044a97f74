package org.jsetkey.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host flags of the command line: who this host is and how it reaches its peers.
 *
 * @param name   host name shown in the prompt, or null
 * @param listen the UDP link's local endpoint, or null
 * @param boot   the rc.conf-style profile to boot, or null (likewise rc, script)
 */
public record HostOptions(String name, List<String> addresses, HostPort listen, List<Peer> peers, Path boot,
                          Path rc, Path script, boolean demo) {

    public HostOptions {
        addresses = List.copyOf(addresses);
        peers = List.copyOf(peers);
    }

    public static HostOptions none() {
        return new HostOptions(null, List.of(), null, List.of(), null, null, null, false);
    }

    public Optional<String> hostName() {
        return Optional.ofNullable(name);
    }

    /** {@code HOST:PORT}; an IPv6 host is written in brackets ({@code [::1]:7000}). */
    public record HostPort(String host, int port) {
        public HostPort {
            if (host.isEmpty()) {
                throw new IllegalArgumentException("host: empty (expected: HOST:PORT)");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
            }
        }

        public static HostPort parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' (expected: HOST:PORT)");
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': port is not a number (expected: HOST:PORT)");
            }
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** {@code HOST:PORT[=PREFIX]}: a peer on the link and the addresses it owns (null: learn them). */
    public record Peer(HostPort endpoint, String prefix) {
        public static Peer parse(String text) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                return new Peer(HostPort.parse(text), null);
            }
            String prefix = text.substring(eq + 1);
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': empty prefix (expected: HOST:PORT[=PREFIX])");
            }
            return new Peer(HostPort.parse(text.substring(0, eq)), prefix);
        }
    }
}
