package org.jsetkey.engine.link;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * An impairment for the peer at {@code endpoint}, as rc.conf writes it in one line:
 * {@code jsetkey_impair_cardinal="127.0.0.1:7002 loss 5% delay 10ms seed 1"} (the peer's socket as
 * in {@code jsetkey_peers}, then netem's words).
 */
public record PeerImpairment(InetSocketAddress endpoint, Impairment impairment) {

    /** Parses {@code HOST:PORT NETEM-WORDS...}. */
    public static PeerImpairment parse(String text) {
        List<String> words = Arrays.asList(text.trim().split("\\s+"));
        if (words.size() < 2 || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("expected the peer's HOST:PORT and then netem's words"
                    + " (like \"127.0.0.1:7002 loss 5% seed 1\")");
        }
        return new PeerImpairment(Endpoints.parse(words.get(0)), Impairment.parse(words.subList(1, words.size())));
    }
}
