package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Impairment;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.PeerStats;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.tun.TunInterface;

/**
 * {@code link}: the UDP test link: local socket, each peer with what it owns, the traffic both ways
 * and the impairment set on it; {@code link impair [PEER] NETEM-WORDS | off} sets or clears that.
 */
record LinkCommand(Host host) implements Command {
    @Override
    public Usage usage() {
        return new Usage("link", "link | link impair [PEER] [loss P%] [delay T [JITTER]] [reorder P%] [duplicate P%]"
                + " [corrupt P%] [rate R] [limit N] [seed N] | link impair [PEER] off",
                "Shows the UDP test link: this host's socket and addresses, each peer's socket, configured\n"
                        + "prefixes and announced name and addresses, packets and bytes each way (the hosts' own\n"
                        + "announcement and peer-check packets, UDP port 60500, counted apart), the impairment and\n"
                        + "what it did, each real interface (--tun, cloned_interfaces) with its packets each way,\n"
                        + "malformed reads dropped and packets the OS refused, and the datagrams dropped by the link\n"
                        + "itself (from unknown senders, malformed, no peer for the destination).\n"
                        + "link impair: faults on the datagrams this host sends PEER (every peer when none is named;\n"
                        + "PEER is its name, HOST:PORT or an address it owns), as Linux netem makes them, after the\n"
                        + "point tcpdump on this host shows: loss P%, delay T [JITTER] (uniform), reorder P% (with a\n"
                        + "delay: those go at once, the rest wait), duplicate P%, corrupt P% (one bit flipped),\n"
                        + "rate R (bit, kbit, mbit or bps, kbps), limit N waiting (1000), seed N (repeats a run;\n"
                        + "one is chosen and shown when none is given). The peer impairs its own side. 'off' clears.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        UdpLink link = host.link();
        if (!args.isEmpty() && args.get(0).equals("impair")) {
            if (link == null) {
                output.errorln("link: no link on this host (start it with --listen or --rc)");
                return false;
            }
            return impair(link, args.subList(1, args.size()), output);
        }
        if (!args.isEmpty()) {
            output.errorln("link: unknown argument '" + args.get(0) + "'; usage: " + synopsis());
            return false;
        }
        if (link == null) {
            output.out("No link (start with --listen HOST:PORT and --peer, or --rc rc.conf).\n" + interfaces());
            return true;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("local ").append(Endpoints.format(link.localAddress())).append("  ")
                .append(host.name().isEmpty() ? "(no name)" : host.name()).append(' ')
                .append(addresses(host.addresses())).append('\n');
        for (Peer p : link.peers()) {
            sb.append("peer  ").append(Endpoints.format(p.endpoint())).append("  prefixes ")
                    .append(prefixes(p.prefixes()));
            String name = link.announcedName(p);
            sb.append("  announced ").append(name == null ? "nothing yet"
                    : (name.isEmpty() ? "(no name)" : name) + " " + addresses(link.announcedBy(p))).append('\n');
            PeerStats s = link.stats(p);
            sb.append("      sent ").append(s.packetsOut()).append(" packets ").append(s.bytesOut())
                    .append(" bytes, received ").append(s.packetsIn()).append(" packets ").append(s.bytesIn())
                    .append(" bytes; control (announcements, peer check) ").append(s.controlOut())
                    .append(" out ").append(s.controlIn()).append(" in\n");
            Impairment imp = link.impairment(p);
            if (imp != null) {
                sb.append("      impair ").append(imp.format()).append('\n');
                sb.append("      impaired ").append(link.impairStats(p).format()).append('\n');
            }
        }
        if (link.peers().isEmpty()) {
            sb.append("no peers\n");
        }
        sb.append("foreign datagrams ").append(link.foreignDatagrams()).append(", malformed datagrams ")
                .append(link.malformedDatagrams()).append(", packets without a peer ").append(link.noRoute());
        if (link.sendFailures() > 0) {
            sb.append(", packets the socket did not take ").append(link.sendFailures());
        }
        sb.append('\n');
        sb.append(interfaces());
        output.out(sb.toString());
        return true;
    }

    /** One line per real interface (--tun, cloned_interfaces): its packets each way and what it dropped. */
    private String interfaces() {
        StringBuilder sb = new StringBuilder();
        for (TunInterface t : host.interfaces()) {
            sb.append("interface ").append(t.config().name()).append("  ").append(t.config().address().format())
                    .append('/').append(t.config().network().length()).append("  written ").append(t.packetsOut())
                    .append(" packets ").append(t.bytesOut()).append(" bytes, read ").append(t.packetsIn())
                    .append(" packets ").append(t.bytesIn()).append(" bytes; malformed ").append(t.malformed())
                    .append(", refused by the OS ").append(t.writeFailures())
                    .append(t.failure() == null ? "" : "; stopped: " + t.failure()).append('\n');
        }
        return sb.toString();
    }

    /** {@code link impair [PEER] WORDS | off}: sets (or clears) and prints what is in force, seed included. */
    private boolean impair(UdpLink link, List<String> args, CommandOutput output) {
        List<Peer> peers;
        List<String> words = args;
        try {
            if (!args.isEmpty() && !args.get(0).equals("off") && !Impairment.WORDS.contains(args.get(0))) {
                peers = List.of(link.peerNamed(args.get(0)));
                words = args.subList(1, args.size());
            } else {
                peers = link.peers();
            }
            if (peers.isEmpty()) {
                throw new IllegalArgumentException("this host has no peers");
            }
            Impairment settings = words.equals(List.of("off")) ? null : Impairment.parse(words);
            for (Peer p : peers) {
                Impairment set = link.impair(p, settings);
                output.println("link impair " + peerName(link, p) + ": " + (set == null ? "off" : set.format()));
            }
            return true;
        } catch (IllegalArgumentException e) {
            output.errorln("link impair: " + e.getMessage());
            return false;
        }
    }

    private static String peerName(UdpLink link, Peer p) {
        String name = link.announcedName(p);
        return name == null || name.isEmpty() ? Endpoints.format(p.endpoint()) : name;
    }

    private static String addresses(List<IpAddress> l) {
        return words(l.stream().map(IpAddress::format).toList(), " ", "(no addresses)");
    }

    private static String prefixes(List<Prefix> l) {
        return words(l.stream().map(Prefix::format).toList(), ",", "(default)");
    }

    /** {@code words} joined by {@code separator}, or {@code none} when there are none. */
    private static String words(List<String> words, String separator, String none) {
        return words.isEmpty() ? none : String.join(separator, words);
    }
}
