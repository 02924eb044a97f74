package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.PeerStats;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.stack.Host;

/** {@code link}: the UDP test link: local socket, each peer with what it owns and the traffic both ways. */
record LinkCommand(Host host) implements Command {
    @Override
    public Usage usage() {
        return new Usage("link", "link",
                "Shows the UDP test link: this host's socket and addresses, each peer's socket, configured\n"
                        + "prefixes and announced name and addresses, packets and bytes each way (the hosts' own\n"
                        + "announcement and peer-check packets, UDP port 60500, counted apart), and the datagrams\n"
                        + "dropped by the link itself (from unknown senders, malformed, no peer for the destination).");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (!args.isEmpty()) {
            output.errorln("usage: " + synopsis());
            return false;
        }
        UdpLink link = host.link();
        if (link == null) {
            output.println("No link (start with --listen HOST:PORT and --peer, or --rc rc.conf).");
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
        }
        if (link.peers().isEmpty()) {
            sb.append("no peers\n");
        }
        sb.append("foreign datagrams ").append(link.foreignDatagrams()).append(", malformed datagrams ")
                .append(link.malformedDatagrams()).append(", packets without a peer ").append(link.noRoute())
                .append('\n');
        output.out(sb.toString());
        return true;
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
