package org.jsetkey.shell.lab;

import java.util.function.Consumer;

import org.jsetkey.engine.print.PingReport;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;

/**
 * {@code ping} as one lab action, for the console command and for scripts alike: the checks
 * before sending (an address to send from, a path to the destination), the defaults, the run
 * (Ctrl-C, i.e. an interrupt, ends it with what it has), the iputils summary and the note on
 * why nothing came back. Callers differ only in what they print.
 */
public final class PingService {
    /** iputils waits up to 10 s for the last reply. */
    public static final long DEFAULT_WAIT_MILLIS = 10_000;
    public static final long DEFAULT_INTERVAL_MILLIS = 1000;
    public static final long FLOOD_INTERVAL_MILLIS = 10;
    public static final int DEFAULT_SIZE = 56;

    private final Host host;
    private final LinkSilence silence;

    public PingService(Host host) {
        this.host = host;
        this.silence = new LinkSilence();
    }

    /** What a run shows as it goes. */
    public interface Listener {
        /** The checks passed; the first probe follows (iputils prints its header here). */
        void started();

        /** A probe went out. */
        default void sent(int seq) {
        }

        /** A reply (or duplicate), before the run counts it. */
        void reply(Ping.Reply reply);
    }

    /**
     * A finished run: the counts and the note on why nothing came back (null when something did,
     * or when there is nothing to say).
     */
    public record Outcome(PingResult result, String note) {
    }

    /**
     * Pings. When the thread is interrupted (Ctrl-C) the run ends early with what it has, and the
     * interrupt status stays set for the caller.
     *
     * @throws IllegalArgumentException when nothing can be sent: no source address, no path
     */
    public Outcome run(PingOptions options, Listener listener) {
        if (options.source() == null && host.sourceFor(options.destination()) == null) {
            throw new IllegalArgumentException("no " + (options.destination().isV6() ? "IPv6" : "IPv4")
                    + " address on this host to ping " + options.destination() + " from (use --addr)");
        }
        String noPath = silence.noPath(host, options.destination());
        if (noPath != null) {
            throw new IllegalArgumentException(noPath);
        }
        LinkSilence.Watch watch = silence.watch(host, options.destination());
        listener.started();
        Ping ping = new Ping(host, options).onSent(listener::sent);
        Consumer<Ping.Reply> replies = listener::reply;
        PingResult r = ping.run(replies);
        return new Outcome(r, silence.after(watch, r));
    }

    /** The iputils summary of a run with these options, {@code ipg/ewma} included for flood or interval 0. */
    public static String summary(String typed, PingOptions options, PingResult r) {
        return PingReport.summary(typed, r.transmitted(), r.received(), r.duplicates(), 0, r.elapsedMillis(),
                r.rttsMicros(), options.timing(), options.flood() || options.intervalMillis() == 0);
    }

    /** The note of the last run that got nothing back, for {@code explain}; null when the last one got replies. */
    public String lastNote() {
        return silence.lastNote();
    }
}
