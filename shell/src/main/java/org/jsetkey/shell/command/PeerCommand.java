package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.check.PeerCheck;
import org.jsetkey.engine.check.PeerCheckResult;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.lab.PeerCheckService;

/** {@code peer check [-t SEC] [PEER]}: compares this host's SAD and SPD with each peer's, over the link. */
final class PeerCommand implements Command {
    private final Host host;

    PeerCommand(Host host) {
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
                        + "-t SEC: how long to wait for each peer's answer (default "
                        + PeerCheckService.DEFAULT_TIMEOUT_MILLIS / 1000 + ").");
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
        long timeout = PeerCheckService.DEFAULT_TIMEOUT_MILLIS;
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
            results = PeerCheckService.run(host, a.isEmpty() ? null : a.get(0), timeout);
        } catch (IllegalArgumentException e) {
            output.errorln("peer check: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.errorln("peer check: interrupted");
            return false;
        }
        output.out(PeerCheckService.format(host, results));
        return results.stream().allMatch(PeerCheckResult::ok);
    }
}
