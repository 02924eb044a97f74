package org.jsetkey.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.shell.command.ConsoleOutput;
import org.jsetkey.shell.command.Outcome;
import org.jsetkey.shell.command.SetkeyPrinter;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;

/**
 * {@code jsetkey --demo}: phoenix and cardinal in one process on free loopback ports, the
 * FreeBSD how-to keys and policies loaded on both, three pings from phoenix with the
 * decrypting trace running. Exits 0 when the pings were answered.
 */
final class Demo {
    static final String PHOENIX = "192.0.2.10";
    static final String CARDINAL = "198.51.100.20";
    static final List<String> COMMANDS = List.of("tcpdump -d", "ping -c 3 -i 0.2 -W 2 " + CARDINAL,
            "tcpdump stop", "netstat -ss -p esp", "link");

    private Demo() {
    }

    static int run(ConsoleOutput out) {
        try (HostContext phoenix = host("phoenix", PHOENIX); HostContext cardinal = host("cardinal", CARDINAL)) {
            phoenix.start();
            cardinal.start();
            phoenix.host().addPeer(new Peer(cardinal.host().link().localAddress(), List.of()));
            cardinal.host().addPeer(new Peer(phoenix.host().link().localAddress(), List.of()));
            out.println("jsetkey demo: two hosts in this process on the UDP test link");
            out.println("  phoenix  " + PHOENIX + "  link " + Endpoints.format(phoenix.host().link().localAddress()));
            out.println("  cardinal " + CARDINAL + "  link " + Endpoints.format(cardinal.host().link().localAddress()));
            out.println("Both load the FreeBSD how-to (scripts/<host>/ipsec.conf): AH hmac-md5 over ESP blowfish-cbc.");
            out.println("");
            boolean ok = load(phoenix, "phoenix", out) & load(cardinal, "cardinal", out);
            try (Shell shell = new Shell(phoenix, out, false)) {
                for (String command : COMMANDS) {
                    out.println("phoenix> " + command);
                    ok &= shell.interpreter().accept(command) == Outcome.OK;
                }
            }
            return ok ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HostContext host(String name, String address) {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new HostContext(new HostOptions(name, List.of(IpAddress.parse(address)), any, List.of(), null, null,
                null, false));
    }

    private static boolean load(HostContext host, String name, ConsoleOutput out) throws IOException {
        out.println(name + "> setkey -f " + name + "/ipsec.conf");
        return !host.setkey().run(config(name), name + "/ipsec.conf", new SetkeyPrinter(out)).failed();
    }

    /** The how-to file of {@code name}, as shipped in scripts/ (a test keeps the copies equal). */
    static String config(String name) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("demo/" + name + ".conf")) {
            if (in == null) {
                throw new IOException("demo/" + name + ".conf missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
