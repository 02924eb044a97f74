package org.jsetkey.shell.tun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.print.TcpdumpFormatter;
import org.jsetkey.engine.tun.TunConfig;
import org.jsetkey.shell.Shell;
import org.jsetkey.shell.command.RecordingOutput;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TUN lab as scripts/tun-lab builds it, in private namespaces: the gateways of scripts/tunlab
 * (ESP tunnel 192.0.2.1 <-> 192.0.2.2 for 10.1.0.0/24 <-> 10.2.0.0/24), each TUN interface moved
 * into a namespace of its own, the kernels' ping and nc across. Needs root and /dev/net/tun.
 */
class TunLabIT {
    private static final Path PROFILES = Path.of("..", "scripts", "tunlab").toAbsolutePath().normalize();
    private final String tag = Long.toString(ProcessHandle.current().pid());
    private final String nsA = "tun-it-a-" + tag;
    private final String nsB = "tun-it-b-" + tag;
    private final List<AutoCloseable> open = new ArrayList<>();
    private List<String> before;
    private HostContext gwa;
    private HostContext gwb;
    private Shell gwbShell;
    private final RecordingOutput gwbOut = new RecordingOutput();
    private final List<LinkPacket> gwbTrace = java.util.Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path tmp;

    @BeforeEach
    void lab() throws Exception {
        assumeTrue(Netns.usable(), "TUN lab test skipped: needs root, /dev/net/tun, iproute2, ping (iputils-ping)"
                + " and nc (netcat-openbsd)");
        before = Netns.state();
        for (String ns : List.of(nsA, nsB)) {
            Netns.must("ip", "netns", "add", ns);
            Netns.must("ip", "-n", ns, "link", "set", "lo", "up");
            Netns.must("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                    "net.ipv6.conf.default.disable_ipv6=1");
        }
        gwa = gateway("gwa", "tia" + tag, "10.1.0.1/24");
        gwb = gateway("gwb", "tib" + tag, "10.2.0.1/24");
        place("tia" + tag, nsA, "10.1.0.2/24", "10.1.0.1");
        place("tib" + tag, nsB, "10.2.0.2/24", "10.2.0.1");
        gwbShell = new Shell(gwb, gwbOut, false);
        open.add(gwb.host().link().tap(p -> {
            if (!p.control()) {
                gwbTrace.add(p);
            }
        }));
    }

    private HostContext gateway(String name, String ifname, String address) throws Exception {
        HostOptions o = new HostOptions(null, List.of(), null, List.of(), null, PROFILES.resolve(name + "/rc.conf"),
                null, false, null, List.of(TunConfig.parse(ifname + "=" + address)));
        HostContext h = new HostContext(o);
        open.add(h);
        h.start();
        RecordingOutput boot = new RecordingOutput();
        assertTrue(h.boot(boot), boot.err.toString());
        assertTrue(boot.out.toString().startsWith("Created clone interfaces: " + ifname + ".\n"), boot.out.toString());
        return h;
    }

    private static void place(String ifname, String ns, String address, String gateway) throws Exception {
        Netns.must("ip", "link", "set", ifname, "netns", ns);
        Netns.must("ip", "-n", ns, "addr", "add", address, "dev", ifname);
        Netns.must("ip", "-n", ns, "link", "set", ifname, "up");
        Netns.must("ip", "-n", ns, "route", "add", "default", "via", gateway);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (before == null) {
            return;
        }
        if (gwbShell != null) {
            gwbShell.close();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        for (String ns : List.of(nsA, nsB)) {
            Netns.run(20, null, null, "ip", "netns", "del", ns);
        }
        // other programs may change the machine meanwhile: what is new must be none of ours
        List<String> added = new ArrayList<>(Netns.state());
        added.removeAll(before);
        for (String line : added) {
            assertFalse(line.contains(tag) || line.contains("10.1.0.") || line.contains("10.2.0."),
                    "left behind: " + line);
        }
    }

    @Test
    void kernelPingAndTcpCrossTheEspTunnelIntact() throws Exception {
        Netns.Run ping = Netns.run(60, null, null, "ip", "netns", "exec", nsA, "ping", "-c", "3", "-W", "5",
                "10.2.0.2");
        assertEquals(0, ping.exit(), ping.out());
        assertTrue(ping.out().contains("3 packets transmitted, 3 received"), ping.out());
        assertTrue(ping.out().contains("ttl=62"), "two gateways decrement the TTL: " + ping.out());

        byte[] data = new byte[4 << 20];
        new Random(22).nextBytes(data);
        Path sent = tmp.resolve("sent");
        Path received = tmp.resolve("received");
        Files.write(sent, data);
        ProcessBuilder server = new ProcessBuilder("timeout", "60", "ip", "netns", "exec", nsB, "nc", "-l", "-N",
                "10.2.0.2", "5001").redirectOutput(received.toFile()).redirectError(tmp.resolve("server.err").toFile());
        Process srv = server.start();
        try {
            Netns.Run client = null;
            for (int attempt = 0; attempt < 50; attempt++) { // until the server listens
                client = Netns.run(60, sent, null, "ip", "netns", "exec", nsA, "nc", "-N", "10.2.0.2", "5001");
                if (client.exit() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(0, client.exit(), client.out());
            assertTrue(srv.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "nc server ended");
        } finally {
            srv.destroyForcibly();
        }
        assertArrayEquals(data, Files.readAllBytes(received), "the 4 MB arrived intact");

        TcpdumpFormatter tcpdump = new TcpdumpFormatter(false, ZoneId.of("UTC"));
        List<LinkPacket> trace;
        synchronized (gwbTrace) {
            trace = List.copyOf(gwbTrace);
        }
        assertTrue(trace.size() > 3000, "4 MB of TCP crossed gwb's link: " + trace.size() + " packets");
        long fromGwa = 0;
        for (LinkPacket p : trace) {
            String line = tcpdump.format(p.bytes());
            assertTrue(line.matches("IP 192\\.0\\.2\\.[12] > 192\\.0\\.2\\.[12]: ESP\\(spi=0x0000100[12],seq=0x[0-9a-f]+\\),"
                    + " length \\d+"), "every data packet on the link is ESP: " + line);
            fromGwa += line.startsWith("IP 192.0.2.1 > 192.0.2.2: ESP(spi=0x00001001,") ? 1 : 0;
        }
        assertTrue(fromGwa > 2000, "gwa's packets carry SPI 0x1001: " + fromGwa);
        assertEquals(0, gwa.host().interfaces().get(0).malformed() + gwb.host().interfaces().get(0).malformed());
    }

    @Test
    void aWrongKeyOnOneGatewayShowsItsDropsInExplain() throws Exception {
        gwbShell.interpreter().accept("delete 192.0.2.1 192.0.2.2 esp 0x1001;");
        gwbShell.interpreter().accept("add 192.0.2.1 192.0.2.2 esp 0x1001 -m tunnel -E aes-cbc "
                + "0x00112233445566778899aabbccddeeff -A hmac-sha2-256 0x" + "ab".repeat(32) + ";");
        assertEquals("", gwbOut.err.toString());
        Netns.Run ping = Netns.run(60, null, null, "ip", "netns", "exec", nsA, "ping", "-c", "2", "-W", "2",
                "10.2.0.2");
        assertNotEquals(0, ping.exit(), ping.out());
        assertTrue(ping.out().contains("2 packets transmitted, 0 received"), ping.out());
        gwbOut.out.setLength(0);
        gwbShell.interpreter().accept("explain");
        String explain = gwbOut.out.toString();
        assertEquals(2, explain.split("AUTH_FAILED \\(ICV mismatch\\)\n", -1).length - 1, explain);
        assertTrue(explain.contains("\n    ICV mismatch on esp spi 4097 (0x00001001) from 192.0.2.1 to 192.0.2.2: the keys"
                + " or algorithms differ between the hosts"), explain);
        gwbOut.out.setLength(0);
        gwbShell.interpreter().accept("netstat -s -p esp");
        assertTrue(gwbOut.out.toString().contains("\t2 packets dropped; bad authentication detected\n"),
                gwbOut.out.toString());
        assertFalse(gwbTrace.isEmpty(), "the pings reached gwb's link");
    }

    @Test
    void garbageTheOsWritesIntoTheInterfaceIsCountedAndTheGatewayGoesOn() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "skipped: needs /usr/bin/python3 for a packet socket");
        // a packet socket on the interface hands the device any bytes, as a broken driver or program might
        String send = "import socket\n"
                + "s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x0800))\n"
                + "for p in [b'\\x45', b'\\x45' + bytes(30), b'\\x60' + bytes(10), bytes(range(40)), b'\\x45\\x00\\xff\\xff' + bytes(40)]:\n"
                + "    s.sendto(p, ('tia" + tag + "', 0x0800))\n";
        Netns.Run garbage = Netns.run(30, null, null, "ip", "netns", "exec", nsA, "/usr/bin/python3", "-c", send);
        assertEquals(0, garbage.exit(), garbage.out());
        Netns.Run ping = Netns.run(60, null, null, "ip", "netns", "exec", nsA, "ping", "-c", "2", "-W", "5",
                "10.2.0.2");
        assertTrue(ping.out().contains("2 packets transmitted, 2 received"), ping.out());
        assertEquals(5, gwa.host().interfaces().get(0).malformed(), "each bad read dropped and counted");
        assertEquals(0, gwa.host().interfaces().get(0).handlerFailures());
        RecordingOutput link = new RecordingOutput();
        try (Shell gwaShell = new Shell(gwa, link, false)) {
            gwaShell.interpreter().accept("link");
        }
        assertTrue(link.out.toString().contains("; malformed 5, refused by the OS 0\n"), link.out.toString());
    }
}
