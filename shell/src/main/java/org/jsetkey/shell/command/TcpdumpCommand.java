package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.stack.Host;

/** {@code tcpdump [-n] [-v] [-d] [-L] [-c N] [-w FILE [--print]]} in the background, {@code tcpdump stop}. */
final class TcpdumpCommand implements Command, AutoCloseable {
    private final Host host;
    private final ConsoleOutput console;
    private final java.util.concurrent.atomic.AtomicReference<Capture> running =
            new java.util.concurrent.atomic.AtomicReference<>();

    TcpdumpCommand(Host host, ConsoleOutput console) {
        this.host = host;
        this.console = console;
    }

    @Override
    public Usage usage() {
        return new Usage("tcpdump", "tcpdump [-n] [-v] [-d] [-L] [-c N] [-w FILE.pcap [--print]] | tcpdump stop",
                "Traces the link in the background: one line per packet, as Debian's tcpdump -n prints it,\n"
                        + "above the prompt. Ends after -c N packets or at 'tcpdump stop'.\n"
                        + "  -v        tcpdump -v detail      -n  numeric (always)\n"
                        + "  -d        decrypt: under each AH/ESP packet, the inner packet (this host holds the keys)\n"
                        + "  -L        under each line, the packet's picture (as 'picture' draws it)\n"
                        + "  -w FILE   write a pcap (LINKTYPE_RAW) instead of printing; --print prints as well\n"
                        + "A received packet the stack drops gets a '    dropped: why' line under it.\n"
                        + "With several peers (a router) each line names the side after the time: 'phoenix In  IP ...';\n"
                        + "a host with real interfaces (--tun) traces them too, each line naming its side: 'tun0  Out IP ...'.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.equals(List.of("stop"))) {
            Capture c = running.get();
            if (c == null) {
                output.errorln("tcpdump: not running");
                return false;
            }
            c.stop();
            return true;
        }
        Capture.Settings settings;
        try {
            GetOpt g = GetOpt.parse(usage(), args);
            if (!g.operands().isEmpty()) {
                throw new IllegalArgumentException("no filter expressions: every packet on the link is shown (got "
                        + String.join(" ", g.operands()) + ")");
            }
            int limit = g.has('c') ? count(g.value('c')) : 0;
            Path pcap = g.has('w') ? Path.of(g.value('w')) : null;
            settings = new Capture.Settings(g.has('v'), g.has('d'), limit, pcap, pcap == null || g.has("print"),
                    g.has('L'));
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage(), output);
        }
        if (host.link() == null) {
            output.errorln("tcpdump: no link on this host (start it with --listen or --rc)");
            return false;
        }
        synchronized (this) {
            if (running.get() != null) {
                output.errorln("tcpdump: already running ('tcpdump stop' ends it)");
                return false;
            }
            PcapWriter pcap;
            try {
                pcap = Capture.openPcap(settings);
            } catch (IOException e) {
                output.errorln("tcpdump: " + FileErrors.describe(settings.pcap(), e));
                return false;
            }
            output.errorln("tcpdump: listening on " + Endpoints.format(host.link().localAddress())
                    + ", link-type RAW (Raw IP), snapshot length " + PcapWriter.SNAPLEN + " bytes");
            Capture c = Capture.start(host, console, settings, pcap, done -> running.compareAndSet(done, null));
            running.set(c);
            if (c.isStopped()) {
                running.compareAndSet(c, null);
            }
        }
        return true;
    }

    private static int count(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid packet count " + text + " (expected: 1 or more)");
    }

    /** Ends a running capture (end of input, program exit): the pcap is complete afterwards. */
    @Override
    public void close() {
        Capture c = running.get();
        if (c != null) {
            c.stop();
        }
    }
}
