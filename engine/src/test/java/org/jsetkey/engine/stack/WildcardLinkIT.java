package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.PcapWriter;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.XformStat;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;
import org.jsetkey.engine.net.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts whose link sockets listen on every local address (0.0.0.0) peer over 127.0.0.1:
 * AH+ESP pings cross, announcements still name each peer, a stranger's datagrams are
 * counted and ignored, and the pcap of the link reads as plain UDP in tcpdump and tshark.
 */
class WildcardLinkIT {
    private static final IpAddress PHOENIX = LabPair.PHOENIX;
    private static final IpAddress CARDINAL = LabPair.CARDINAL;

    @Test
    void hostsOnTheWildcardAddressPingWithAhAndEspAndIgnoreStrangers(@TempDir Path dir) throws Exception {
        Path pcap = dir.resolve("link.pcap");
        List<byte[]> atCardinal = new CopyOnWriteArrayList<>();
        List<String> ownTrace = new CopyOnWriteArrayList<>();
        org.jsetkey.engine.print.TcpdumpFormatter formatter =
                new org.jsetkey.engine.print.TcpdumpFormatter(false, java.time.ZoneOffset.UTC);
        try (Host phoenix = new Host("phoenix"); Host cardinal = new Host("cardinal");
                PcapWriter writer = PcapWriter.create(pcap)) {
            phoenix.addAddress(PHOENIX);
            cardinal.addAddress(CARDINAL);
            UdpLink pl = phoenix.listen(new InetSocketAddress("0.0.0.0", 0));
            UdpLink cl = cardinal.listen(new InetSocketAddress("0.0.0.0", 0));
            assertTrue(pl.localAddress().getAddress().isAnyLocalAddress(), pl.localAddress().toString());
            pl.tap(p -> {
                try {
                    writer.write(p.timeMicros(), p.bytes());
                    ownTrace.add(formatter.format(p.bytes()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            cl.tap(p -> {
                if (!p.control() && p.direction() == org.jsetkey.engine.link.LinkDirection.IN) {
                    atCardinal.add(p.bytes());
                }
            });
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            phoenix.addPeer(new Peer(new InetSocketAddress(loopback, cl.localAddress().getPort()), List.of()));
            cardinal.addPeer(new Peer(new InetSocketAddress(loopback, pl.localAddress().getPort()), List.of()));
            assertTrue(waitFor(() -> "cardinal".equals(pl.announcedName(pl.peers().get(0)))
                    && "phoenix".equals(cl.announcedName(cl.peers().get(0)))), "announcements crossed");
            assertEquals(List.of(CARDINAL), pl.announcedBy(pl.peers().get(0)));
            assertEquals(List.of(PHOENIX), cl.announcedBy(cl.peers().get(0)));

            LabPair.load(phoenix, LabPair.HOWTO_SAS
                    + "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require ah/transport//require;\n"
                    + "spdadd 198.51.100.20 192.0.2.10 any -P in ipsec esp/transport//require ah/transport//require;\n");
            LabPair.load(cardinal, LabPair.HOWTO_SAS
                    + "spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//require ah/transport//require;\n"
                    + "spdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//require ah/transport//require;\n");
            PingResult r = new Ping(phoenix, new PingOptions(CARDINAL, null, 3, 20, 56, 2000, null)).run(x -> { });
            assertEquals(3, r.received());
            assertEquals(3, cardinal.counters().get(SaType.ESP, XformStat.INPUT));
            assertEquals(3, cardinal.counters().get(SaType.AH, XformStat.INPUT));
            assertEquals(3, atCardinal.size());
            assertEquals(51, atCardinal.get(0)[9], "AH outermost");

            long ahBefore = cardinal.counters().get(SaType.AH, XformStat.INPUT);
            byte[] replay = atCardinal.get(0);
            // phoenix's first announcement may have arrived before cardinal knew phoenix: foreign too
            long foreignBefore = cl.foreignDatagrams();
            try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                stranger.send(new DatagramPacket(replay, replay.length,
                        new InetSocketAddress(loopback, cl.localAddress().getPort())));
            }
            assertTrue(waitFor(() -> cl.foreignDatagrams() == foreignBefore + 1), "the stranger's datagram is counted");
            assertEquals(ahBefore, cardinal.counters().get(SaType.AH, XformStat.INPUT), "and never processed");
            assertEquals(0, cardinal.counters().get(SaType.AH, XformStat.REPLAY));
            assertEquals(3, atCardinal.size());
            assertEquals(0, cl.malformedDatagrams());
        }
        String tcpdump = run("tcpdump", "-n", "-r", pcap.toString());
        assertTrue(tcpdump.matches("(?s).*\\d IP 192\\.0\\.2\\.10\\.60500 > 255\\.255\\.255\\.255\\.60500: UDP, length \\d+\n.*"),
                tcpdump);
        assertTrue(tcpdump.matches("(?s).*\\d IP 198\\.51\\.100\\.20\\.60500 > 255\\.255\\.255\\.255\\.60500: UDP, length \\d+\n.*"),
                tcpdump);
        List<String> read = tcpdump.lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        assertEquals(read, ownTrace, "jsetkey's tcpdump prints every packet as tcpdump -n does");
        String tshark = run("tshark", "-n", "-r", pcap.toString(), "-Y", "udp.port == 60500", "-T", "fields",
                "-e", "ip.src", "-e", "ip.dst", "-e", "_ws.col.Protocol", "-e", "ip.checksum.status",
                "-e", "udp.checksum.status", "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE");
        List<String> lines = tshark.lines().toList();
        assertTrue(lines.size() >= 2, tshark);
        for (String l : lines) {
            assertTrue(l.matches("(192\\.0\\.2\\.10|198\\.51\\.100\\.20)\t255\\.255\\.255\\.255\tUDP\t1\t1"), l);
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        return out;
    }

    private static boolean waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
