package org.jsetkey.shell;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;

/**
 * The host flags of the command line: who this host is and how it reaches its peers.
 *
 * @param name   host name shown in the prompt, or null
 * @param listen the UDP link's local endpoint (loopback only), or null
 * @param boot   setkey statements to load at start, or null (likewise rc, script)
 */
public record HostOptions(String name, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                          Path boot, Path rc, Path script, boolean demo) {

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
}
