package org.jsetkey.shell.command;

import java.math.BigDecimal;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.print.PingReport;
import org.jsetkey.engine.setkey.SocketPolicies;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.stack.SocketPolicy;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;
import org.jsetkey.shell.lab.PingService;

/**
 * iputils ping over this host's stack. Without {@code -c} it pings until interrupted in
 * the console, and sends {@value #BATCH_COUNT} probes when commands come from standard
 * input, so scripts end. Interrupting the command thread (Ctrl-C) stops it and prints the
 * summary, as iputils does. The run itself is {@link PingService}'s; this class parses and prints.
 */
record PingCommand(PingService ping, boolean interactive) implements Command {
    static final int BATCH_COUNT = 4;

    @Override
    public Usage usage() {
        return new Usage("ping", "ping [-c N] [-i SEC] [-s SIZE] [-W SEC] [-f] [-q] [-n] [-4 | -6] [-P POLICY] DEST",
                "Sends ICMP echo requests through this host's IPsec stack and prints iputils-style lines.\n"
                        + "  -c N      probes to send (default: until Ctrl-C in the console, " + BATCH_COUNT
                        + " from standard input)\n"
                        + "  -i SEC    interval between probes (default " + PingService.DEFAULT_INTERVAL_MILLIS / 1000
                        + ")\n"
                        + "  -s SIZE   payload bytes (default " + PingService.DEFAULT_SIZE + ")\n"
                        + "  -W SEC    how long to wait for the last reply (default "
                        + PingService.DEFAULT_WAIT_MILLIS / 1000 + ")\n"
                        + "  -f        flood: the next probe on each reply, or after 10 ms (-i) without one;\n"
                        + "            '.' per probe, erased by each reply\n"
                        + "  -q        quiet: header and summary only (no reply lines, no flood dots)\n"
                        + "  -n        numeric output (always)\n"
                        + "  -4, -6    the destination must be IPv4, IPv6\n"
                        + "  -P POLICY per-socket policy as FreeBSD ping takes it, e.g. -P \"out ipsec esp/transport//require\"\n"
                        + "DEST is a numeric address. Fails when no reply came back.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        Request req;
        try {
            req = parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage(), output);
        }
        if (req == null) {
            return false;
        }
        return run(req, output);
    }

    private record Request(String typed, PingOptions options, boolean flood, boolean quiet) {
    }

    private Request parse(List<String> args) {
        GetOpt g = GetOpt.parse(usage(), args);
        if (g.operands().size() != 1) {
            throw new IllegalArgumentException(g.operands().isEmpty() ? "missing destination"
                    : "one destination only, got " + g.operands());
        }
        String typed = g.operands().get(0);
        IpAddress dest = IpAddress.tryParse(typed);
        if (dest == null) {
            throw new IllegalArgumentException(typed + ": Name or service not known (numeric addresses only)");
        }
        if (g.has('6') && !dest.isV6() || g.has('4') && dest.isV6()) {
            throw new IllegalArgumentException(typed + ": Address family for hostname not supported");
        }
        boolean flood = g.has('f');
        int count = g.has('c') ? integer("count", g.value('c'), 1, PingOptions.MAX_COUNT)
                : interactive ? PingOptions.MAX_COUNT : BATCH_COUNT;
        long interval = g.has('i') ? millis("interval", g.value('i'))
                : flood ? PingService.FLOOD_INTERVAL_MILLIS : PingService.DEFAULT_INTERVAL_MILLIS;
        int size = g.has('s') ? integer("size", g.value('s'), 0, PingOptions.MAX_SIZE) : PingService.DEFAULT_SIZE;
        long wait = g.has('W') ? millis("wait", g.value('W')) : PingService.DEFAULT_WAIT_MILLIS;
        SocketPolicy policy = null;
        if (g.has('P')) {
            SocketPolicies.Parsed p = SocketPolicies.parse(g.value('P'));
            if (p.direction() != Direction.OUT) {
                throw new IllegalArgumentException("-P \"" + g.value('P')
                        + "\": only out policies apply here (the probes are what this host sends)");
            }
            policy = p.policy();
        }
        return new Request(typed, new PingOptions(dest, null, count, interval, size, wait, policy, flood), flood,
                g.has('q'));
    }

    private static int integer(String what, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": " + text + " (expected: " + min + "-" + max + ")");
    }

    private static long millis(String what, String text) {
        try {
            BigDecimal s = new BigDecimal(text);
            if (s.signum() >= 0 && s.compareTo(BigDecimal.valueOf(3600)) <= 0) {
                return s.movePointRight(3).longValue();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": " + text + " (expected: seconds, 0-3600)");
    }

    private boolean run(Request req, CommandOutput output) {
        PingOptions o = req.options();
        FloodDots dots = req.flood() && !req.quiet() ? new FloodDots(output) : null;
        PingService.Outcome outcome;
        try {
            outcome = ping.run(o, new PingService.Listener() {
                @Override
                public void started() {
                    output.println(PingReport.header(req.typed(), o.destination(), o.size()));
                }

                @Override
                public void sent(int seq) {
                    if (dots != null) {
                        dots.sent(seq);
                    }
                }

                @Override
                public void reply(Ping.Reply reply) {
                    if (dots != null) {
                        dots.replied(reply.seq());
                    } else if (!req.quiet()) {
                        output.println(PingReport.reply(reply.bytes(), reply.from(), req.typed(), reply.seq(),
                                reply.ttl(), reply.rttMicros(), reply.duplicate()));
                    }
                }
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            output.errorln("ping: " + e.getMessage());
            return false;
        }
        PingResult r = outcome.result();
        output.out(PingService.summary(req.typed(), o, r));
        if (outcome.note() != null) {
            output.errorln("ping: " + outcome.note());
        }
        return r.anyReply();
    }

    /** {@code -f}: a dot per probe, erased ("\b \b") by its reply, whichever thread comes first. */
    private static final class FloodDots {
        private final CommandOutput output;
        private final java.util.Set<Integer> dotted = new java.util.HashSet<>();
        private final java.util.Set<Integer> early = new java.util.HashSet<>();

        FloodDots(CommandOutput output) {
            this.output = output;
        }

        synchronized void sent(int seq) {
            output.out(early.remove(seq) ? ".\b \b" : ".");
            dotted.add(seq);
        }

        synchronized void replied(int seq) {
            if (dotted.remove(seq)) {
                output.out("\b \b");
            } else {
                early.add(seq);
            }
        }
    }
}
