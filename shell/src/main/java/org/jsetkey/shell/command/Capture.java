package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.picture.PacketPicture;
import org.jsetkey.engine.picture.PictureBuilder;
import org.jsetkey.engine.picture.TextPicture;
import org.jsetkey.engine.print.TcpdumpFormatter;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.tool.Inspector;
import org.jsetkey.shell.lab.LinkCapture;

/**
 * One running tcpdump on the host's link, as the console shows it: a line per packet above the
 * prompt and/or a pcap, until {@code limit} packets were seen or {@link #stop()}. The capture
 * itself (tap, limit, drops tied to the packet they concern) is {@link LinkCapture}'s.
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
    private final Consumer<Capture> onStop;
    private LinkCapture capture;

    private Capture(Host host, ConsoleOutput output, Settings settings, PcapWriter pcap, Consumer<Capture> onStop) {
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
    static Capture start(Host host, ConsoleOutput output, Settings settings, PcapWriter w, Consumer<Capture> onStop) {
        Capture c = new Capture(host, output, settings, w, onStop);
        synchronized (c) {
            c.capture = LinkCapture.start(host, p -> true, settings.limit(), new LinkCapture.Listener() {
                @Override
                public void packet(LinkPacket p, int n) {
                    c.record(null, p);
                }

                @Override
                public void packet(String side, LinkPacket p, int n) {
                    c.record(side, p);
                }

                @Override
                public void dropped(KeyEvent.Drop drop) {
                    if (settings.print()) {
                        output.printAbove("    dropped: " + drop.explanation());
                    }
                }

                @Override
                public void ended(int captured) {
                    c.ended(captured);
                }
            });
        }
        return c;
    }

    /** Writes and prints one packet; {@code side} names the real interface it crossed (null: the link). */
    private void record(String side, LinkPacket p) {
        byte[] bytes = p.bytes();
        if (pcap != null) {
            try {
                pcap.write(p.timeMicros(), bytes);
            } catch (IOException e) {
                output.printAbove("tcpdump: " + FileErrors.describe(settings.pcap(), e));
            }
        }
        if (settings.print()) {
            String line = formatter.formatWithTime(p.timeMicros(), bytes);
            StringBuilder sb = new StringBuilder(side != null ? LinkSide.named(side, p.direction(), line)
                    : LinkSide.label(host.link(), p.direction(), line, bytes, !host.interfaces().isEmpty()));
            if (inspector != null) {
                appendInner(sb, inspector.inspect(bytes));
            }
            if (settings.picture()) {
                PacketPicture picture = new PictureBuilder(host).draw(bytes);
                sb.append('\n').append(output.picture(TextPicture.lines(picture, output.width())).stripTrailing());
            }
            output.printAbove(sb.toString());
        }
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

    /** Closes the pcap and prints tcpdump's closing count. */
    private void ended(int captured) {
        if (pcap != null) {
            try {
                pcap.close();
            } catch (IOException e) {
                output.printAbove("tcpdump: " + FileErrors.describe(settings.pcap(), e));
            }
        }
        output.errorln(captured + " packet" + (captured == 1 ? "" : "s") + " captured");
        onStop.accept(this);
    }

    /** Ends the capture; does nothing the second time. */
    void stop() {
        LinkCapture c;
        synchronized (this) {
            c = capture;
        }
        c.stop();
    }

    boolean isStopped() {
        return capture.isStopped();
    }

    int captured() {
        return capture.captured();
    }
}
