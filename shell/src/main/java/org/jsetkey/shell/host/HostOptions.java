package org.jsetkey.shell.host;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.profile.HostProfile;
import org.jsetkey.engine.tun.TunConfig;

/**
 * The host flags of the command line: who this host is and how it reaches its peers.
 *
 * @param name   host name shown in the prompt, or null
 * @param listen the UDP link's local endpoint (loopback only), or null
 * @param boot   setkey statements to load at start, or null (likewise script)
 * @param rc       the rc.conf profile the other values came from or were completed with, or null
 * @param autosave the file that keeps the host's state across restarts (--autosave, or the profile's
 *                 ipsec_autosave), or null
 * @param interfaces real OS interfaces: --tun, or else the profile's cloned_interfaces
 */
public record HostOptions(String name, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                          Path boot, Path rc, Path script, boolean demo, Path autosave, List<TunConfig> interfaces) {

    /** Options without real interfaces. */
    public HostOptions(String name, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                       Path boot, Path rc, Path script, boolean demo, Path autosave) {
        this(name, addresses, listen, peers, boot, rc, script, demo, autosave, List.of());
    }

    /** Options without autosave. */
    public HostOptions(String name, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                       Path boot, Path rc, Path script, boolean demo) {
        this(name, addresses, listen, peers, boot, rc, script, demo, null);
    }

    public HostOptions {
        addresses = List.copyOf(addresses);
        peers = List.copyOf(peers);
        interfaces = List.copyOf(interfaces);
    }

    public static HostOptions none() {
        return new HostOptions(null, List.of(), null, List.of(), null, null, null, false);
    }

    /** These options over a profile: every flag given wins, the profile fills in the rest. */
    public HostOptions over(HostProfile profile) {
        String n = name != null ? name : profile.hostname().isEmpty() ? null : profile.hostname();
        List<IpAddress> a = addresses.isEmpty() ? profile.addresses() : addresses;
        InetSocketAddress l = listen != null ? listen : profile.listen();
        List<Peer> p = peers.isEmpty() ? profile.peers() : peers;
        Path save = autosave != null ? autosave : profile.autosaveFile();
        List<TunConfig> t = interfaces.isEmpty() ? profile.interfaces() : interfaces;
        return new HostOptions(n, a, l, p, boot, rc, script, demo, save, t);
    }

    public Optional<String> hostName() {
        return Optional.ofNullable(name);
    }
}
