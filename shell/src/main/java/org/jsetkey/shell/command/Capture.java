package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.picture.PacketPicture;
import org.jsetkey.engine.picture.PictureBuilder;
import org.jsetkey.engine.picture.TextPicture;
import org.jsetkey.engine.print.TcpdumpFormatter;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.tool.Inspector;

/**
 * One running tcpdump on the host's link: prints a line per packet above the prompt
 * and/or writes a pcap, until {@code limit} packets were seen or {@link #stop()}. Drops
 * that happen while the link thread processes a received packet are printed under it.
 */
final class Capture {
    /** What to capture and how to show it; {@code limit} 0 means until stopped. */
    record Settings(boolean verbose, boolean decrypt, int limit, Path pcap, boolean print, boolean picture) {
    }

    private final Host host;
    private final ConsoleOutput output;
    private final Settings settings;
    private final TcpdumpFormatter formatter;
    private final Inspector inspector;
    private final PcapWriter pcap;
    private final java.util.function.Consumer<Capture> onStop;
    private AutoCloseable tap;
    private AutoCloseable events;
    private volatile Thread inputThread;
    private int captured;
    private volatile boolean stopped;

    private Capture(Host host, ConsoleOutput output, Settings settings, PcapWriter pcap,
                    java.util.function.Consumer<Capture> onStop) {
        this.host = host;
        this.output = output;
        this.settings = settings;
        this.formatter = new TcpdumpFormatter(settings.verbose(), ZoneId.systemDefault());
        this.inspector = settings.decrypt() ? new Inspector(host) : null;
        this.pcap = pcap;
        this.onStop = onStop;
    }

    /** Opens the pcap named in the settings, or null when there is none. */
    static PcapWriter openPcap(Settings settings) throws IOException {
        return settings.pcap() == null ? null : PcapWriter.create(settings.pcap());
    }

    /** Attaches to the link, writing to {@code w} (from {@link #openPcap}); {@code onStop} runs once when it ends. */
    static Capture start(Host host, ConsoleOutput output, Settings settings, PcapWriter w,
                         java.util.function.Consumer<Capture> onStop) {
        Capture c = new Capture(host, output, settings, w, onStop);
        synchronized (c) {
            c.events = host.events().subscribe(c::onEvent);
            c.tap = host.link().tap(c::onPacket);
        }
        return c;
    }

    private void onPacket(LinkPacket p) {
        if (record(p)) {
            stop();
        }
    }

    /** Writes and prints one packet; true when that was the last one wanted. */
    private synchronized boolean record(LinkPacket p) {
        if (stopped) {
            return false;
        }
        if (p.direction() == LinkDirection.IN) {
            inputThread = Thread.currentThread(); // the link thread: its next drops concern this packet
        }
        byte[] bytes = p.bytes();
        if (pcap != null) {
            try {
                pcap.write(p.timeMicros(), bytes);
            } catch (IOException e) {
                output.printAbove("tcpdump: " + FileErrors.describe(settings.pcap(), e));
            }
        }
        if (settings.print()) {
            StringBuilder sb = new StringBuilder(LinkSide.label(host.link(), p.direction(),
                    formatter.formatWithTime(p.timeMicros(), bytes), bytes));
            if (inspector != null) {
                appendInner(sb, inspector.inspect(bytes));
            }
            if (settings.picture()) {
                PacketPicture picture = new PictureBuilder(host).draw(bytes);
                sb.append('\n').append(output.picture(TextPicture.lines(picture, output.width())).stripTrailing());
            }
            output.printAbove(sb.toString());
        }
        captured++;
        return settings.limit() > 0 && captured >= settings.limit();
    }

    private void appendInner(StringBuilder sb, Inspector.Inspection in) {
        if (in.layers().isEmpty() && in.failure() == null) {
            return;
        }
        sb.append("\n    inner: ");
        if (in.layers().isEmpty()) {
            sb.append("? (").append(in.failure()).append(')');
            return;
        }
        sb.append(formatter.format(in.inner()));
        if (in.failure() != null) {
            sb.append(" (stopped: ").append(in.failure()).append(')');
        }
    }

    private void onEvent(KeyEvent e) {
        if (!(e instanceof KeyEvent.Drop) || Thread.currentThread() != inputThread) {
            return;
        }
        KeyEvent.Drop d = (KeyEvent.Drop) e;
        synchronized (this) {
            if (!stopped && settings.print()) {
                output.printAbove("    dropped: " + d.explanation());
            }
        }
    }

    /** Detaches, closes the pcap and prints tcpdump's closing count; does nothing the second time. */
    void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            detach();
        }
        onStop.accept(this);
    }

    boolean isStopped() {
        return stopped;
    }

    private void detach() {
        closeQuietly(tap);
        closeQuietly(events);
        if (pcap != null) {
            try {
                pcap.close();
            } catch (IOException e) {
                output.printAbove("tcpdump: " + FileErrors.describe(settings.pcap(), e));
            }
        }
        output.errorln(captured + " packet" + (captured == 1 ? "" : "s") + " captured");
    }

    synchronized int captured() {
        return captured;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // unsubscribing from an in-memory list does not fail
        }
    }
}
