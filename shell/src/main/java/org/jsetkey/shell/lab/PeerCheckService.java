package org.jsetkey.shell.lab;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.check.Finding;
import org.jsetkey.engine.check.PeerCheck;
import org.jsetkey.engine.check.PeerCheckResult;
import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.stack.Host;

/**
 * {@code peer check} as one lab action, for the console command and Groovy's {@code peerCheck}:
 * which peers a word names, the check of each with the default wait, and the table both print.
 */
public final class PeerCheckService {
    /** How long to wait for each peer's answer unless told otherwise. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5000;

    private PeerCheckService() {
    }

    /** Checks the peer named by {@code word} (every peer when null). */
    public static List<PeerCheckResult> run(Host host, String word, long timeoutMillis) throws InterruptedException {
        UdpLink link = host.link();
        if (link == null || link.peers().isEmpty()) {
            throw new IllegalArgumentException("this host has no peers (start it with --listen and --peer, or --rc)");
        }
        List<PeerCheckResult> out = new ArrayList<>();
        for (Peer p : select(link, word)) {
            out.add(PeerCheck.of(host).check(p, timeoutMillis));
        }
        return out;
    }

    private static List<Peer> select(UdpLink link, String word) {
        if (word == null) {
            return link.peers();
        }
        IpAddress ip = IpAddress.tryParse(word);
        List<String> known = new ArrayList<>();
        for (Peer p : link.peers()) {
            String name = link.announcedName(p);
            if (word.equals(name) || word.equals(Endpoints.format(p.endpoint()))
                    || (ip != null && (link.announcedBy(p).contains(ip)
                    || p.prefixes().stream().anyMatch(x -> x.contains(ip))))) {
                return List.of(p);
            }
            known.add(name == null ? Endpoints.format(p.endpoint()) : name);
        }
        throw new IllegalArgumentException("no peer " + word + " (peers: " + String.join(", ", known) + ")");
    }

    /** The table the console prints and scripts get as {@code text}. */
    public static String format(Host host, List<PeerCheckResult> results) {
        StringBuilder sb = new StringBuilder();
        String self = host.name().isEmpty() ? "this host" : host.name();
        for (PeerCheckResult r : results) {
            sb.append("peer check ").append(self).append(" <-> ").append(r.peerName()).append(" (")
                    .append(r.peer()).append(")\n");
            if (r.problem() != null) {
                sb.append("  FAILED    ").append(r.problem()).append('\n');
                continue;
            }
            for (Finding f : r.findings()) {
                sb.append(f.ok() ? "  ok        " : "  MISMATCH  ").append(f.text()).append('\n');
                if (!f.ok()) {
                    sb.append("            fix: ").append(f.fix()).append('\n');
                }
            }
            long bad = r.mismatches();
            sb.append(r.peerName()).append(": ").append(r.findings().size()).append(" checked, ")
                    .append(bad == 0 ? "all match" : bad + (bad == 1 ? " mismatch" : " mismatches")).append('\n');
        }
        return sb.toString();
    }
}
