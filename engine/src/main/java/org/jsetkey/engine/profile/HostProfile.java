package org.jsetkey.engine.profile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.PeerImpairment;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.tun.TunConfig;

/**
 * A lab host described the FreeBSD way in {@code rc.conf}:
 * {@code hostname}, addresses from {@code ifconfig_*} ("inet 192.0.2.10/24",
 * "inet6 2001:db8::10 prefixlen 64"), {@code jsetkey_listen} and {@code jsetkey_peers}
 * (the link), {@code jsetkey_impair_NAME} (a peer's impairment, {@link PeerImpairment}),
 * {@code ipsec_enable}/{@code ipsec_file}, {@code gateway_enable}, and real interfaces:
 * {@code cloned_interfaces="tun0"} with {@code ifconfig_tun0="inet 10.1.0.1/24"}.
 *
 * @param ipsecFile    resolved against the rc.conf's folder when relative
 * @param autosaveFile with {@code ipsec_autosave="YES"}: {@code ipsec_autosave_file}, by default
 *                     {@code ipsec.autosave} beside the rc.conf (resolved likewise); otherwise null
 * @param interfaces   the TUN interfaces of {@code cloned_interfaces}, each with its ifconfig address
 * @param pfRules      with {@code pf_enable="YES"}: {@code pf_rules} (FreeBSD's default /etc/pf.conf), resolved
 *                     likewise, whose {@code nat} rules the host applies; otherwise null
 */
public record HostProfile(String hostname, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                          boolean ipsecEnable, Path ipsecFile, boolean gateway, boolean ipv6Gateway,
                          List<String> warnings, Path autosaveFile, List<PeerImpairment> impairments,
                          List<TunConfig> interfaces, Path pfRules) {

    public static final String DEFAULT_IPSEC_FILE = "/etc/ipsec.conf";
    public static final String DEFAULT_AUTOSAVE_FILE = "ipsec.autosave";
    public static final String DEFAULT_PF_RULES = "/etc/pf.conf";
    /** {@code jsetkey_impair_NAME="HOST:PORT netem-words"}: one line per impaired peer, NAME free as in ifconfig_em0. */
    public static final String IMPAIR_PREFIX = "jsetkey_impair_";

    /** A profile without pf. */
    public HostProfile(String hostname, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                       boolean ipsecEnable, Path ipsecFile, boolean gateway, boolean ipv6Gateway,
                       List<String> warnings, Path autosaveFile, List<PeerImpairment> impairments,
                       List<TunConfig> interfaces) {
        this(hostname, addresses, listen, peers, ipsecEnable, ipsecFile, gateway, ipv6Gateway, warnings, autosaveFile,
                impairments, interfaces, null);
    }

    /** A profile without real interfaces. */
    public HostProfile(String hostname, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                       boolean ipsecEnable, Path ipsecFile, boolean gateway, boolean ipv6Gateway,
                       List<String> warnings, Path autosaveFile, List<PeerImpairment> impairments) {
        this(hostname, addresses, listen, peers, ipsecEnable, ipsecFile, gateway, ipv6Gateway, warnings, autosaveFile,
                impairments, List.of());
    }

    /** A profile without impairments. */
    public HostProfile(String hostname, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                       boolean ipsecEnable, Path ipsecFile, boolean gateway, boolean ipv6Gateway,
                       List<String> warnings, Path autosaveFile) {
        this(hostname, addresses, listen, peers, ipsecEnable, ipsecFile, gateway, ipv6Gateway, warnings, autosaveFile,
                List.of());
    }

    /** A profile without autosave. */
    public HostProfile(String hostname, List<IpAddress> addresses, InetSocketAddress listen, List<Peer> peers,
                       boolean ipsecEnable, Path ipsecFile, boolean gateway, boolean ipv6Gateway,
                       List<String> warnings) {
        this(hostname, addresses, listen, peers, ipsecEnable, ipsecFile, gateway, ipv6Gateway, warnings, null);
    }

    public HostProfile {
        addresses = List.copyOf(addresses);
        peers = List.copyOf(peers);
        warnings = List.copyOf(warnings);
        impairments = List.copyOf(impairments);
        interfaces = List.copyOf(interfaces);
    }

    public static HostProfile load(Path rcConf) throws IOException {
        String text = Files.readString(rcConf, StandardCharsets.UTF_8);
        Path dir = rcConf.toAbsolutePath().getParent();
        return from(RcConf.parse(text, rcConf.toString()), dir);
    }

    public static HostProfile from(RcConf rc, Path dir) {
        List<IpAddress> addrs = new ArrayList<>();
        for (Map.Entry<String, String> e : rc.values().entrySet()) {
            if (e.getKey().startsWith("ifconfig_")) {
                addrs.addAll(ifconfigAddresses(e.getKey(), e.getValue()));
            }
        }
        String listenText = rc.get("jsetkey_listen", "");
        InetSocketAddress listen = listenText.isBlank() ? null : Endpoints.parseListen(listenText.strip());
        List<Peer> peers = new ArrayList<>();
        for (String p : rc.get("jsetkey_peers", "").split("\\s+")) {
            if (!p.isBlank()) {
                peers.add(Peer.parse(p));
            }
        }
        boolean enable = rc.yes("ipsec_enable", "NO");
        Path file = resolve(rc.get("ipsec_file", DEFAULT_IPSEC_FILE), dir);
        Path autosave = rc.yes("ipsec_autosave", "NO")
                ? resolve(rc.get("ipsec_autosave_file", DEFAULT_AUTOSAVE_FILE), dir) : null;
        boolean gw = rc.yes("gateway_enable", "NO");
        boolean gw6 = rc.yes("ipv6_gateway_enable", "NO");
        List<PeerImpairment> impairments = new ArrayList<>();
        for (Map.Entry<String, String> e : rc.values().entrySet()) {
            if (e.getKey().startsWith(IMPAIR_PREFIX)) {
                try {
                    impairments.add(PeerImpairment.parse(e.getValue()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(rc.where(e.getKey()) + ": " + e.getKey() + ": " + bad.getMessage());
                }
            }
        }
        return new HostProfile(rc.get("hostname", ""), addrs, listen, peers, enable, file, gw, gw6, rc.warnings(),
                autosave, impairments, clonedInterfaces(rc),
                rc.yes("pf_enable", "NO") ? resolve(rc.get("pf_rules", DEFAULT_PF_RULES), dir) : null);
    }

    /**
     * Each interface of {@code cloned_interfaces} with the first address and length of its
     * {@code ifconfig_NAME} ('.' and '-' of the name read as '_', as rc.conf variable names need).
     */
    static List<TunConfig> clonedInterfaces(RcConf rc) {
        List<TunConfig> l = new ArrayList<>();
        for (String name : rc.get("cloned_interfaces", "").trim().split("\\s+")) {
            if (name.isEmpty()) {
                continue;
            }
            String variable = "ifconfig_" + name.replace('.', '_').replace('-', '_');
            try {
                TunConfig.checkName(name);
                String[] words = rc.get(variable, "").trim().split("\\s+");
                if (!(words[0].equals("inet") || words[0].equals("inet6")) || words.length < 2) {
                    throw new IllegalArgumentException("cloned_interfaces names " + name + " but " + variable
                            + " gives no address (expected: " + variable + "=\"inet 10.1.0.1/24\")");
                }
                l.add(TunConfig.of(name, words[1], variable));
            } catch (IllegalArgumentException bad) {
                String at = rc.values().containsKey(variable) ? variable : "cloned_interfaces";
                throw new IllegalArgumentException(rc.where(at) + ": " + bad.getMessage());
            }
        }
        return l;
    }

    private static Path resolve(String name, Path dir) {
        Path file = Path.of(name);
        return file.isAbsolute() || dir == null ? file : dir.resolve(file).normalize();
    }

    /** The addresses of one ifconfig value: every word after "inet" or "inet6" (a "/len" suffix ignored). */
    static List<IpAddress> ifconfigAddresses(String variable, String value) {
        List<IpAddress> l = new ArrayList<>();
        String[] words = value.trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("inet") || words[i].equals("inet6")) {
                String a = words[i + 1];
                int slash = a.indexOf('/');
                String text = slash < 0 ? a : a.substring(0, slash);
                IpAddress ip = IpAddress.tryParse(text);
                if (ip == null || ip.isV4() != words[i].equals("inet")) {
                    throw new IllegalArgumentException(variable + ": invalid " + words[i] + " address \"" + a + "\"");
                }
                l.add(ip);
            }
        }
        return l;
    }
}
