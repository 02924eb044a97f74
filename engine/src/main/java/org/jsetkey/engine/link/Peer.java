package org.jsetkey.engine.link;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

import org.jsetkey.engine.net.Prefix;

/**
 * A host at the other end of the UDP test link: its socket and the address ranges it
 * owns as configured ({@code --peer 127.0.0.1:7002=198.51.100.0/24}). More addresses
 * arrive at run time through the peer's announcements.
 */
public record Peer(InetSocketAddress endpoint, List<Prefix> prefixes) {

    public Peer {
        Objects.requireNonNull(endpoint, "endpoint");
        prefixes = List.copyOf(prefixes);
    }

    /** Parses {@code HOST:PORT[=PREFIX[,PREFIX...]]}; HOST may be any address (a bare port is loopback). */
    public static Peer parse(String text) {
        String spec = text.trim();
        String prefixPart = null;
        int eq = spec.indexOf('=');
        if (eq >= 0) {
            prefixPart = spec.substring(eq + 1);
            spec = spec.substring(0, eq);
        }
        InetSocketAddress ep = Endpoints.parse(spec);
        List<Prefix> prefixes = new java.util.ArrayList<>();
        if (prefixPart != null) {
            for (String p : prefixPart.split(",")) {
                prefixes.add(Endpoints.parsePrefix(p.trim()));
            }
        }
        return new Peer(ep, prefixes);
    }

    public String format() {
        StringBuilder sb = new StringBuilder(Endpoints.format(endpoint));
        for (int i = 0; i < prefixes.size(); i++) {
            sb.append(i == 0 ? '=' : ',').append(prefixes.get(i).format());
        }
        return sb.toString();
    }
}
