package org.jsetkey.shell.command;

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

/** {@code peer check [-t SEC] [PEER]}: compares this host's SAD and SPD with each peer's, over the link. */
public final class PeerCommand implements Command {
    static final long DEFAULT_TIMEOUT_MILLIS = 5000;
    private final Host host;

    public PeerCommand(Host host) {
        this.host = host;
        PeerCheck.of(host);
    }

    @Override
    public Usage usage() {
        return new Usage("peer", "peer check [-t SEC] [PEER]",
                "Asks each peer (or the one named: its announced name, link endpoint or one of its addresses)\n"
                        + "for a summary of its SAD and SPD, over the link's control channel (UDP port 60500, past the\n"
                        + "SPD), and compares it with this host's: every SA either host sends with must be held by the\n"
                        + "other with the same SPI, mode, algorithms and key (keys are compared by keyed fingerprints and\n"
                        + "never cross the link), and every ipsec policy must find the SAs and the peer's policy it needs.\n"
                        + "Prints a table of matches and mismatches with a fix for each; fails unless all match.\n"
                        + "-t SEC: how long to wait for each peer's answer (default 5).");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty() || !args.get(0).equals("check")) {
            output.errorln("usage: " + synopsis());
            return false;
        }
        GetOpt g = GetOpt.parse(this, args.subList(1, args.size()), output);
        if (g == null) {
            return false;
        }
        long timeout = DEFAULT_TIMEOUT_MILLIS;
        if (g.has('t')) {
            try {
                timeout = Math.round(Double.parseDouble(g.value('t')) * 1000);
            } catch (NumberFormatException e) {
                timeout = -1;
            }
            if (timeout <= 0 || timeout > 600_000) {
                output.errorln("peer check: -t " + g.value('t') + " (expected: seconds, more than 0, at most 600)");
                return false;
            }
        }
        List<String> a = g.operands();
        if (a.size() > 1) {
            output.errorln("usage: " + synopsis());
            return false;
        }
        List<PeerCheckResult> results;
        try {
            results = run(host, a.isEmpty() ? null : a.get(0), timeout);
        } catch (IllegalArgumentException e) {
            output.errorln("peer check: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.errorln("peer check: interrupted");
            return false;
        }
        output.out(format(host, results));
        return results.stream().allMatch(PeerCheckResult::ok);
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

    /** The table the console prints. */
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
