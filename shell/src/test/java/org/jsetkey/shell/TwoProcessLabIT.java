package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of the two-host lab: phoenix and cardinal as two separate jsetkey
 * processes started from copies of scripts/phoenix/rc.conf and scripts/cardinal/rc.conf
 * (on free ports), commands on standard input.
 */
class TwoProcessLabIT {
    private static final Pattern TRACE = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} (IP6? .*)$");

    @TempDir
    Path dir;

    private Path phoenixRc;
    private Path cardinalRc;

    /** Copies both profiles with free ports; {@code cardinalKeys} may rewrite cardinal's ipsec.conf. */
    private void profiles(UnaryOperator<String> cardinalKeys) throws IOException {
        LabProfiles lab = new LabProfiles(dir, cardinalKeys);
        phoenixRc = lab.phoenixRc;
        cardinalRc = lab.cardinalRc;
    }

    /** Starts cardinal, runs {@code setup} on it and waits until it has done so. */
    private JsetkeyProcess cardinal(String setup) throws Exception {
        JsetkeyProcess c = JsetkeyProcess.start("--rc", cardinalRc.toString());
        c.send(setup + "echo cardinal-ready\n");
        assertTrue(c.awaitOut("cardinal-ready", 30), () -> "cardinal did not start: " + c.out() + c.err());
        return c;
    }

    private record Run(int status, String out, String err) { }

    private Run phoenix(String commands) throws Exception {
        try (JsetkeyProcess p = JsetkeyProcess.start("--rc", phoenixRc.toString())) {
            p.send(commands);
            int status = p.finish(60);
            return new Run(status, p.out(), p.err());
        }
    }

    /** The datapath lines of a trace: the hosts' announcements (UDP port 60500) left out. */
    private static List<String> trace(String out) {
        List<String> l = new ArrayList<>();
        for (String line : wire(out)) {
            if (!line.contains(".60500: UDP")) {
                l.add(line);
            }
        }
        return l;
    }

    /** Every line of a trace, announcements included. */
    private static List<String> wire(String out) {
        List<String> l = new ArrayList<>();
        Matcher m = TRACE.matcher(out);
        while (m.find()) {
            l.add(m.group(1));
        }
        return l;
    }

    @Test
    void howtoPingsCrossAsAhOverEspAndThePcapReadsTheSameInTcpdump() throws Exception {
        profiles(UnaryOperator.identity());
        Path pcap = dir.resolve("trace.pcap");
        try (JsetkeyProcess c = cardinal("")) {
            Run r = phoenix("tcpdump -w " + pcap + " --print\nping -c 5 -i 0.2 -W 10 198.51.100.20\ntcpdump stop\n");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().startsWith("Installing ipsec manual keys/policies.\n"), r.out());
            assertTrue(r.out().contains("5 packets transmitted, 5 received, 0% packet loss"), r.out());
            for (int seq = 1; seq <= 5; seq++) {
                assertTrue(r.out().contains("64 bytes from 198.51.100.20: icmp_seq=" + seq + " ttl=64 time="), r.out());
            }
            List<String> lines = trace(r.out());
            assertEquals(10, lines.size(), r.out());
            int requests = 0;
            for (String l : lines) {
                boolean req = l.matches("IP 192\\.0\\.2\\.10 > 198\\.51\\.100\\.20: AH\\(spi=0x00003d54,seq=0x[1-5],"
                        + "icv=0x[0-9a-f]{24}\\): ESP\\(spi=0x00003d55,seq=0x[1-5]\\), length 88");
                boolean rep = l.matches("IP 198\\.51\\.100\\.20 > 192\\.0\\.2\\.10: AH\\(spi=0x00005fb4,seq=0x[1-5],"
                        + "icv=0x[0-9a-f]{24}\\): ESP\\(spi=0x00005fb5,seq=0x[1-5]\\), length 88");
                assertTrue(req || rep, l);
                requests += req ? 1 : 0;
            }
            assertEquals(5, requests, lines.toString());
            List<String> all = wire(r.out());
            assertTrue(r.err().contains(all.size() + " packets captured"), r.err());
            assertEquals(all, tcpdumpRead(pcap));
            assertEquals(0, c.finish(30));
        }
    }

    @Test
    void levelUseWithoutSasLetsPingsFlowInTheClear() throws Exception {
        profiles(UnaryOperator.identity());
        String clear = "sysctl net.inet.ipsec.esp_trans_deflev=1\nflush;\n";
        try (JsetkeyProcess c = cardinal(clear)) {
            Run r = phoenix(clear + "tcpdump\nping -c 3 -i 0.2 -W 10 198.51.100.20\ntcpdump stop\n");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("3 packets transmitted, 3 received, 0% packet loss"), r.out());
            List<String> lines = trace(r.out());
            assertEquals(6, lines.size(), r.out());
            for (String l : lines) {
                assertTrue(l.matches("IP (192\\.0\\.2\\.10 > 198\\.51\\.100\\.20: ICMP echo request"
                        + "|198\\.51\\.100\\.20 > 192\\.0\\.2\\.10: ICMP echo reply), id \\d+, seq [1-3], length 64"), l);
            }
            assertEquals(0, c.finish(30));
        }
    }

    @Test
    void levelRequireWithoutSasDropsCountsAndAcquires() throws Exception {
        profiles(UnaryOperator.identity());
        try (JsetkeyProcess c = cardinal("flush;\n")) {
            Run r = phoenix("flush;\nsysctl net.inet.ipsec.esp_trans_deflev=2\nmonitor\ntcpdump\n"
                    + "ping -c 3 -i 0.2 -W 1 198.51.100.20\nnetstat -ss -p ipsec\n");
            assertEquals(1, r.status(), "no reply makes ping fail: " + r.out());
            assertTrue(r.out().contains("3 packets transmitted, 0 received, 100% packet loss"), r.out());
            assertEquals(List.of(), trace(r.out()), "nothing leaves phoenix");
            assertTrue(r.out().matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ACQUIRE seq=1 esp 192\\.0\\.2\\.10 > "
                    + "198\\.51\\.100\\.20 for esp/transport//default \\(policy id=\\d+\\)\n.*"), r.out());
            assertTrue(r.out().matches("(?s).*ipsec:\n(\t.*\n)*\t3 outbound packets with no SA available\n.*"),
                    r.out());
            assertEquals(0, c.finish(30));
        }
    }

    @Test
    void changedInboundSpiIsNamedByTheReceiver() throws Exception {
        profiles(keys -> keys.replace("esp 15701", "esp 15702"));
        try (JsetkeyProcess c = cardinal("tcpdump\n")) {
            Run r = phoenix("ping -c 2 -i 0.2 -W 1 198.51.100.20\n");
            assertEquals(1, r.status(), r.out());
            assertTrue(r.out().contains("2 packets transmitted, 0 received, 100% packet loss"), r.out());
            // the receiver may still be working through the probes when the sender gives up
            assertTrue(c.awaitOut("seq=0x2), length 88\n    dropped: ", 30), c.out());
            c.send("explain\nnetstat -ss -p esp\n");
            assertTrue(c.awaitOut("esp:\n", 30), c.out());
            assertEquals(0, c.finish(30), c.err());
            String why = "unknown esp SPI 15701 (0x00003d55) from 192.0.2.10 to 198.51.100.20: this host holds esp SA"
                    + " for 198.51.100.20 with SPI 15702 (0x00003d56)";
            assertTrue(c.out().contains("    dropped: " + why), "the trace names it: " + c.out());
            assertTrue(c.out().contains(" UNKNOWN_SPI (no SA for this SPI)\n    " + why), "explain names it: "
                    + c.out());
            assertTrue(c.out().contains("\n      esp 192.0.2.10 > 198.51.100.20 spi=15702 (0x00003d56)\n"), c.out());
            assertTrue(c.out().matches("(?s).*esp:\n(\t.*\n)*\t2 packets dropped; no TDB\n.*"), c.out());
        }
    }

    /** Debian's tcpdump -n -r on the pcap, each line without its timestamp. */
    private static List<String> tcpdumpRead(Path pcap) throws Exception {
        Path tcpdump = Path.of("/usr/bin/tcpdump");
        if (!Files.isExecutable(tcpdump)) {
            fail("tcpdump is not installed; install it with: apt-get install -y tcpdump");
        }
        Process p = new ProcessBuilder(tcpdump.toString(), "-n", "-r", pcap.toString()).redirectErrorStream(false)
                .start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return wire(text);
    }
}
