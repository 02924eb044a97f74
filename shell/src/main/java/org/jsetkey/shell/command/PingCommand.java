package org.jsetkey.shell.command;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.print.PingReport;
import org.jsetkey.engine.setkey.SocketPolicies;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.stack.SocketPolicy;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;

/**
 * iputils ping over this host's stack. Without {@code -c} it pings until interrupted in
 * the console, and sends {@value #BATCH_COUNT} probes when commands come from standard
 * input, so scripts end. Interrupting the command thread (Ctrl-C) stops it and prints the
 * summary, as iputils does.
 */
record PingCommand(Host host, boolean interactive, LinkSilence silence) implements Command {
    static final int BATCH_COUNT = 4;
    static final long DEFAULT_WAIT_MILLIS = 10_000;
    static final long FLOOD_INTERVAL_MILLIS = 10;

    @Override
    public Usage usage() {
        return new Usage("ping", "ping [-c N] [-i SEC] [-s SIZE] [-W SEC] [-f] [-q] [-n] [-4 | -6] [-P POLICY] DEST",
                "Sends ICMP echo requests through this host's IPsec stack and prints iputils-style lines.\n"
                        + "  -c N      probes to send (default: until Ctrl-C in the console, " + BATCH_COUNT
                        + " from standard input)\n"
                        + "  -i SEC    interval between probes (default 1)\n"
                        + "  -s SIZE   payload bytes (default 56)\n"
                        + "  -W SEC    how long to wait for the last reply (default 10)\n"
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
        long interval = g.has('i') ? millis("interval", g.value('i')) : flood ? FLOOD_INTERVAL_MILLIS : 1000;
        int size = g.has('s') ? integer("size", g.value('s'), 0, PingOptions.MAX_SIZE) : 56;
        long wait = g.has('W') ? millis("wait", g.value('W')) : DEFAULT_WAIT_MILLIS;
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
        if (o.source() == null && host.sourceFor(o.destination()) == null) {
            output.errorln("ping: no " + (o.destination().isV6() ? "IPv6" : "IPv4") + " address on this host to ping "
                    + o.destination() + " from (use --addr)");
            return false;
        }
        String noPath = silence.noPath(host, o.destination());
        if (noPath != null) {
            output.errorln("ping: " + noPath);
            return false;
        }
        LinkSilence.Watch watch = silence.watch(host, o.destination());
        output.println(PingReport.header(req.typed(), o.destination(), o.size()));
        Ping ping = new Ping(host, o);
        FloodDots dots = req.flood() && !req.quiet() ? new FloodDots(output) : null;
        if (dots != null) {
            ping.onSent(dots::sent);
        }
        Replies replies = new Replies();
        AtomicReference<PingResult> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                PingResult r = ping.run(reply -> {
                    replies.add(reply.rttMicros(), reply.duplicate());
                    if (dots != null) {
                        dots.replied(reply.seq());
                    } else if (!req.quiet()) {
                        output.println(PingReport.reply(reply.bytes(), reply.from(), req.typed(), reply.seq(),
                                reply.ttl(), reply.rttMicros(), reply.duplicate()));
                    }
                    replies.shown();
                });
                replies.awaitShown(r.received() + r.duplicates());
                result.set(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "ping");
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        try {
            worker.join();
        } catch (InterruptedException e) {
            interrupted = true;
            ping.cancel();
            joinQuietly(worker);
        }
        try {
            if (failure.get() != null) {
                output.errorln("ping: " + failure.get().getMessage());
                return false;
            }
            PingResult r = result.get();
            if (r == null) {
                return false;
            }
            String summary = PingReport.summary(req.typed(), r.transmitted(), r.received(), r.duplicates(), 0,
                    r.elapsedMillis(), r.rttsMicros(), o.timing());
            if ((req.flood() || o.intervalMillis() == 0) && r.received() > 0 && r.transmitted() > 1) {
                summary = summary.substring(0, summary.length() - 1)
                        + (o.timing() ? ", " : "") + replies.ipg(r) + "\n";
            }
            output.out(summary);
            String note = silence.after(watch, r);
            if (note != null) {
                output.errorln("ping: " + note);
            }
            return r.anyReply();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinQuietly(Thread worker) {
        try {
            worker.join(5000);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The replies as they are shown: iputils' smoothed round-trip time ({@code rtt} in 1/8 µs)
     * for the flood summary's ipg/ewma, and how many reply lines are out.
     */
    private static final class Replies {
        private long rtt;
        private int shown;

        synchronized void add(long micros, boolean duplicate) {
            if (micros < 0 || duplicate) {
                return;
            }
            rtt = rtt == 0 ? micros * 8 : rtt + micros - rtt / 8;
        }

        /** The engine counts a reply before handing it over: wait (briefly) until its line is out. */
        synchronized void shown() {
            shown++;
            notifyAll();
        }

        synchronized void awaitShown(int replies) throws InterruptedException {
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (shown < replies && System.nanoTime() < deadline) {
                wait(50);
            }
        }

        synchronized String ipg(PingResult r) {
            long ipg = r.elapsedMillis() * 1000 / (r.transmitted() - 1);
            return String.format("ipg/ewma %d.%03d/%d.%03d ms", ipg / 1000, ipg % 1000, rtt / 8000, (rtt / 8) % 1000);
        }
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
