package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jsetkey.engine.link.PcapReader;
import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.picture.PacketPicture;
import org.jsetkey.engine.picture.PictureBuilder;
import org.jsetkey.engine.picture.SvgPicture;
import org.jsetkey.engine.picture.TextPicture;
import org.jsetkey.engine.stack.Host;

/**
 * {@code picture FILE.pcap [N]} draws packet N of a capture; {@code picture --next} draws the next
 * packet on the link (the one the next {@code ping} sends). Both with this host's SAs.
 */
final class PictureCommand implements Command {
    private final Host host;
    private final ConsoleOutput console;
    private final AtomicReference<AutoCloseable> armed = new AtomicReference<>();

    PictureCommand(Host host, ConsoleOutput console) {
        this.host = host;
        this.console = console;
    }

    @Override
    public Usage usage() {
        return new Usage("picture", "picture [-w COLS] [--svg FILE.svg] FILE.pcap [N] | --next",
                "Draws one packet as RFC figures do: 32-bit rows of fields and values, and\n"
                        + "beside them the bytes each transform covers: A the AH ICV (the fields it\n"
                        + "zeroes in [brackets]), I the ESP ICV, E encrypted (shown decrypted with\n"
                        + "this host's keys), C compressed (inflated below), T a tunnel's inner packet.\n"
                        + "  FILE.pcap [N]   packet N (default 1) of a pcap, e.g. from tcpdump -w\n"
                        + "  --next          the next packet on the link, above the prompt\n"
                        + "                  (then: ping -c 1 ...)\n"
                        + "  --svg FILE.svg  also write the picture as SVG\n"
                        + "  -w COLS         width (default: the terminal's)");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        GetOpt g = GetOpt.parse(this, args, output);
        if (g == null) {
            return false;
        }
        int width;
        try {
            width = g.has('w') ? positive(g.value('w'), "width") : output.width();
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage(), output);
        }
        Path svg = g.has("svg") ? Path.of(g.value("svg")) : null;
        if (g.has("next")) {
            if (!g.operands().isEmpty()) {
                return usageError("--next takes no FILE.pcap (got " + g.operands().get(0) + ")", output);
            }
            return next(width, svg, output);
        }
        if (g.operands().isEmpty() || g.operands().size() > 2) {
            return usageError("expected FILE.pcap [N] or --next", output);
        }
        Path file = Path.of(g.operands().get(0));
        PcapReader.Capture capture;
        try {
            capture = PcapReader.read(file);
        } catch (IOException e) {
            output.errorln("picture: " + FileErrors.describe(file, e));
            return false;
        }
        if (capture.linkType() != PcapWriter.LINKTYPE_RAW) {
            output.errorln("picture: " + file + ": link type " + capture.linkType() + " (expected: "
                    + PcapWriter.LINKTYPE_RAW + ", raw IP, as tcpdump -w writes it here)");
            return false;
        }
        int count = capture.records().size();
        int n;
        try {
            n = g.operands().size() == 2 ? positive(g.operands().get(1), "packet number") : 1;
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage(), output);
        }
        if (n > count) {
            output.errorln("picture: " + file + " holds " + count + " packet" + (count == 1 ? "" : "s")
                    + " (expected: N from 1 to " + count + ", got " + n + ")");
            return false;
        }
        PacketPicture p = new PictureBuilder(host).draw(capture.records().get(n - 1).data());
        if (!writeSvg(p, svg, output)) {
            return false;
        }
        output.out(output.picture(TextPicture.lines(p, width)));
        return true;
    }

    /** Arms a one-shot tap: the next packet sent or received is drawn above the prompt. */
    private boolean next(int width, Path svg, CommandOutput output) {
        if (host.link() == null) {
            output.errorln("picture: no link on this host (start it with --listen or --rc)");
            return false;
        }
        AtomicBoolean done = new AtomicBoolean();
        AutoCloseable previous = armed.getAndSet(host.link().tap(packet -> {
            if (done.compareAndSet(false, true)) {
                disarm();
                byte[] bytes = packet.bytes();
                // drawn off the link's thread: the packet goes on at once (ping's rtt stays true)
                Thread t = new Thread(() -> {
                    PacketPicture p = new PictureBuilder(host).draw(bytes);
                    writeSvg(p, svg, console);
                    console.printAbove(console.picture(TextPicture.lines(p, width)).stripTrailing());
                }, "picture");
                t.setDaemon(true);
                t.start();
            }
        }));
        close(previous);
        if (done.get()) {
            disarm(); // the packet came before the tap was stored
        }
        return true;
    }

    private static int positive(String text, String what) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid " + what + " " + text + " (expected: 1 or more)");
    }

    private void disarm() {
        close(armed.getAndSet(null));
    }

    private static void close(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // a tap's close only removes it from a list
            }
        }
    }

    private static boolean writeSvg(PacketPicture p, Path svg, CommandOutput output) {
        if (svg == null) {
            return true;
        }
        try {
            Files.writeString(svg, SvgPicture.render(p));
            return true;
        } catch (IOException e) {
            output.errorln("picture: " + FileErrors.describe(svg, e));
            return false;
        }
    }
}
