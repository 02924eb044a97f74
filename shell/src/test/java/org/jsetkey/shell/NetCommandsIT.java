package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jsetkey.shell.command.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The network commands on two hosts in one JVM (phoenix and cardinal of the how-to). */
class NetCommandsIT {
    static final String PHOENIX = TwoHosts.PHOENIX;
    static final String CARDINAL = TwoHosts.CARDINAL;

    @TempDir
    Path dir;

    private final TwoHosts lab;
    private final LabHost phoenix;
    private final LabHost cardinal;

    NetCommandsIT() throws Exception {
        lab = TwoHosts.dualStackConsole();
        phoenix = lab.phoenix;
        cardinal = lab.cardinal;
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private void howto() throws Exception {
        lab.loadHowto();
    }

    @Test
    void pingPrintsIputilsLinesAndSummary() throws Exception {
        howto();
        assertEquals(Outcome.OK, phoenix.run("ping -c 2 -i 0.1 -W 2 " + CARDINAL));
        String out = phoenix.out();
        assertTrue(out.startsWith("PING 198.51.100.20 (198.51.100.20) 56(84) bytes of data.\n"
                + "64 bytes from 198.51.100.20: icmp_seq=1 ttl=64 time="), out);
        assertTrue(out.contains("\n64 bytes from 198.51.100.20: icmp_seq=2 ttl=64 time="), out);
        assertTrue(out.matches("(?s).*\n\n--- 198\\.51\\.100\\.20 ping statistics ---\n2 packets transmitted, 2 received, "
                + "0% packet loss, time \\d+ms\nrtt min/avg/max/mdev = \\d+\\.\\d{3}/\\d+\\.\\d{3}/\\d+\\.\\d{3}/\\d+\\.\\d{3} ms\n"),
                out);
    }

    @Test
    void pingSizeQuietAndIpv6() throws Exception {
        howto();
        assertEquals(Outcome.OK, phoenix.run("ping -6 -q -c 1 -s 100 -W 2 2001:db8:2::20"));
        assertTrue(phoenix.out().startsWith("PING 2001:db8:2::20(2001:db8:2::20) 100 data bytes\n\n--- 2001:db8:2::20"
                + " ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n"), phoenix.out());
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("ping -c 1 -s 8 -W 2 " + CARDINAL));
        assertTrue(phoenix.out().contains("\n16 bytes from 198.51.100.20: icmp_seq=1 ttl=64\n"), "no timing below 16: "
                + phoenix.out());
    }

    @Test
    void pingWithoutReplyFailsWithTotalLoss() throws Exception {
        assertEquals(Outcome.FAILED, phoenix.run("ping -c 2 -i 0.1 -W 0.3 198.51.100.99"));
        assertTrue(phoenix.out().endsWith("\n--- 198.51.100.99 ping statistics ---\n2 packets transmitted, 0 received, "
                + "100% packet loss, time " + phoenix.out().replaceAll("(?s).*time (\\d+)ms\n\n$", "$1") + "ms\n\n"),
                phoenix.out());
    }

    @Test
    void pingRejectsNamesAndBadOptions() {
        assertEquals(Outcome.FAILED, phoenix.run("ping cardinal"));
        assertTrue(phoenix.err().startsWith("ping: cardinal: Name or service not known"), phoenix.err());
        phoenix.clear();
        assertEquals(Outcome.FAILED, phoenix.run("ping -c 0 " + CARDINAL));
        assertTrue(phoenix.err().startsWith("ping: count: 0 (expected: 1-100000)"), phoenix.err());
        phoenix.clear();
        assertEquals(Outcome.FAILED, phoenix.run("ping -6 " + CARDINAL));
        assertTrue(phoenix.err().startsWith("ping: 198.51.100.20: Address family for hostname not supported"),
                phoenix.err());
        phoenix.clear();
        assertEquals(Outcome.FAILED, phoenix.run("ping -P \"out ipsec esp/transport//sometimes\" " + CARDINAL));
        assertTrue(phoenix.err().startsWith("ping: policy \"out ipsec esp/transport//sometimes\": "), phoenix.err());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void pingWithoutCountInTheConsoleRunsUntilInterruptedThenSummarizes() throws Exception {
        howto();
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> outcome.set(phoenix.run("ping -i 0.1 " + CARDINAL)));
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!phoenix.out().contains("icmp_seq=3 ") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long interruptedAt = System.nanoTime();
        t.interrupt();
        t.join(5000);
        assertFalse(t.isAlive(), "ping ignored the interrupt");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt) < 2000);
        assertEquals(Outcome.OK, outcome.get());
        assertTrue(phoenix.out().matches("(?s).*\n--- 198\\.51\\.100\\.20 ping statistics ---\n\\d+ packets transmitted, "
                + "\\d+ received.*"), phoenix.out());
    }

    @Test
    void batchPingWithoutCountSendsFour() throws Exception {
        howto();
        assertEquals(Outcome.OK, cardinal.run("ping -i 0.05 -W 2 " + PHOENIX));
        assertTrue(cardinal.out().contains("4 packets transmitted, 4 received"), cardinal.out());
    }

    @Test
    void floodPrintsADotPerProbeErasedByItsReply() throws Exception {
        howto();
        // -i 1: each probe waits for its reply up to a second, so the order is fixed even on a slow first packet
        assertEquals(Outcome.OK, phoenix.run("ping -f -i 1 -c 3 -W 2 " + CARDINAL));
        String out = phoenix.out();
        String body = out.substring(out.indexOf('\n') + 1, out.indexOf("\n--- "));
        assertEquals(".\b \b.\b \b.\b \b", body, out);
        assertTrue(out.matches("(?s).*rtt min/avg/max/mdev = [0-9./]+ ms, ipg/ewma \\d+\\.\\d{3}/\\d+\\.\\d{3} ms\n"),
                out);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void floodSendsTheNextProbeOnEachReplyNotEveryTenMilliseconds() throws Exception {
        howto();
        long start = System.nanoTime();
        assertEquals(Outcome.OK, phoenix.run("ping -f -c 2000 -W 2 " + CARDINAL));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // paced at 100 probes/s the 2000 would need 20 s
        assertTrue(millis < 10_000, "ping -f -c 2000 took " + millis + " ms");
        String out = phoenix.out();
        assertTrue(out.contains("\n2000 packets transmitted, 2000 received, 0% packet loss"), out);
        String body = out.substring(out.indexOf('\n') + 1, out.indexOf("\n--- "));
        // a reply slower than 10 ms lets the next dot out before its backspace, as in iputils
        assertEquals(2000 * 4, body.length());
        int shown = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith("\b \b", i)) {
                shown--;
                i += 2;
            } else {
                assertEquals('.', body.charAt(i), body);
                shown++;
            }
            assertTrue(shown >= 0, "a backspace before its dot at " + i);
        }
        assertEquals(0, shown);
    }

    @Test
    void floodWithoutRepliesSendsEveryTenMilliseconds() throws Exception {
        long start = System.nanoTime();
        assertEquals(Outcome.FAILED, phoenix.run("ping -f -c 21 -W 0.1 198.51.100.99"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 200, "21 unanswered probes 10 ms apart took only " + millis + " ms");
        assertTrue(phoenix.out().contains("\n" + ".".repeat(21) + "\n--- 198.51.100.99 ping statistics ---\n"
                + "21 packets transmitted, 0 received, 100% packet loss"), phoenix.out());
    }

    @Test
    void quietFloodPrintsTheHeaderAndTheSummaryOnly() throws Exception {
        howto();
        assertEquals(Outcome.OK, phoenix.run("ping -f -q -c 50 -W 2 " + CARDINAL));
        String out = phoenix.out();
        assertTrue(out.startsWith("PING 198.51.100.20 (198.51.100.20) 56(84) bytes of data.\n\n--- 198.51.100.20 ping"
                + " statistics ---\n50 packets transmitted, 50 received, 0% packet loss"), out);
        assertTrue(out.matches("(?s).*rtt min/avg/max/mdev = [0-9./]+ ms, ipg/ewma [0-9./]+ ms\n"), out);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void floodWithoutCountStopsOnInterruptWithTheSummary() throws Exception {
        howto();
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> outcome.set(phoenix.run("ping -f " + CARDINAL)));
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (phoenix.out().length() < 2000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        t.interrupt();
        t.join(5000);
        assertFalse(t.isAlive(), "ping -f ignored the interrupt");
        assertEquals(Outcome.OK, outcome.get());
        assertTrue(phoenix.out().matches("(?s).*\n--- 198\\.51\\.100\\.20 ping statistics ---\n\\d+ packets "
                + "transmitted, \\d+ received.*ipg/ewma.*"), phoenix.out());
    }

    @Test
    void socketPolicyRequireWithoutSasAcquiresAndBypassGoesInTheClear() throws Exception {
        phoenix.run("monitor", "tcpdump");
        assertEquals(Outcome.FAILED, phoenix.run("ping -c 1 -W 0.3 -P \"out ipsec esp/transport//require\" "
                + CARDINAL));
        assertTrue(phoenix.out().contains(" ACQUIRE seq=1 esp 192.0.2.10 > 198.51.100.20 for esp/transport//require"
                + " (socket policy)\n"), phoenix.out());
        assertFalse(phoenix.out().contains(" IP 192.0.2.10 > "), "nothing was sent: " + phoenix.out());
        cardinal.setkey("spdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//use;");
        phoenix.setkey("spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;");
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 2 -P \"out bypass\" " + CARDINAL));
        assertTrue(phoenix.out().contains(" IP 192.0.2.10 > 198.51.100.20: ICMP echo request"), phoenix.out());
    }

    @Test
    void traceDecryptsWithDAndNamesDrops() throws Exception {
        howto();
        phoenix.run("tcpdump -d -c 2");
        assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 2 " + CARDINAL));
        String out = phoenix.out();
        assertTrue(out.matches("(?s).*AH\\(spi=0x00003d54,seq=0x1,icv=0x[0-9a-f]{24}\\): ESP\\(spi=0x00003d55,seq=0x1\\), "
                + "length 88\n    inner: IP 192\\.0\\.2\\.10 > 198\\.51\\.100\\.20: ICMP echo request, id \\d+, seq 1, "
                + "length 64\n.*"), out);
        assertTrue(out.contains("\n    inner: IP 198.51.100.20 > 192.0.2.10: ICMP echo reply, id "), out);
        assertTrue(phoenix.err().contains("2 packets captured"), phoenix.err());
        assertEquals(Outcome.FAILED, phoenix.run("tcpdump stop"), "-c 2 ended it");

        cardinal.setkey("delete 192.0.2.10 198.51.100.20 esp 15701;");
        cardinal.run("tcpdump");
        phoenix.run("ping -c 1 -W 0.5 " + CARDINAL);
        cardinal.run("tcpdump stop", "explain 1");
        assertTrue(cardinal.out().contains("\n    dropped: unknown esp SPI 15701 (0x00003d55) from 192.0.2.10 to "
                + "198.51.100.20: this host holds no esp SA for 198.51.100.20"), cardinal.out());
        assertTrue(cardinal.out().contains(" UNKNOWN_SPI (no SA for this SPI)\n    unknown esp SPI 15701"),
                cardinal.out());
    }

    @Test
    void pcapIsWrittenAndComplete() throws Exception {
        howto();
        Path pcap = dir.resolve("t.pcap");
        phoenix.run("tcpdump -w " + pcap);
        phoenix.run("ping -c 2 -i 0.1 -W 2 " + CARDINAL);
        phoenix.run("tcpdump stop");
        assertFalse(phoenix.out().contains(" IP "), "-w alone does not print: " + phoenix.out());
        byte[] b = Files.readAllBytes(pcap);
        assertEquals(24 + 4 * (16 + 132), b.length, "header plus four 132-byte packets");
        assertEquals(101, b[20] & 0xff, "LINKTYPE_RAW");
    }

    @Test
    void monitorPrintsKeyMessagesUntilStopped() throws Exception {
        phoenix.run("monitor");
        phoenix.setkey("add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"12345\";");
        phoenix.setkey("spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;");
        phoenix.setkey("flush;");
        phoenix.run("monitor stop");
        phoenix.setkey("spdflush;");
        String out = phoenix.out();
        assertTrue(out.matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ADD esp 192\\.0\\.2\\.10 > 198\\.51\\.100\\.20 "
                + "spi=15701\\(0x00003d55\\) mode=any E=blowfish-cbc\n"
                + "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} SPDADD 192\\.0\\.2\\.10\\[any\\] 198\\.51\\.100\\.20\\[any\\] any out ipsec "
                + "esp/transport//require id=\\d+\n"
                + "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (DELETE esp .*\n)?.*FLUSH\n"), out);
        assertFalse(out.contains("SPDFLUSH"), "stopped before spdflush: " + out);
    }

    @Test
    void monitorDashXPrintsWhatSetkeyDashXPrints() throws Exception {
        phoenix.run("monitor -x");
        phoenix.setkey("flush esp;");
        phoenix.run("monitor stop");
        String one = "sadb_msg{ version=2 type=9(FLUSH) errno=0 satype=3\n  len=2 reserved=0 seq=0 pid="
                + ProcessHandle.current().pid() + "\n";
        assertTrue(phoenix.out().matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{6} \n" + java.util.regex.Pattern.quote(one)
                + "\n\\d\\d:\\d\\d:\\d\\d\\.\\d{6} \n" + java.util.regex.Pattern.quote(one) + "\n?"), phoenix.out());
    }

    @Test
    void acquireNoticesPrintAboveThePromptUnlessSwitchedOff() throws Exception {
        phoenix.shell.showNotices();
        phoenix.setkey("spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;");
        phoenix.run("ping -c 1 -W 0.2 " + CARDINAL);
        assertTrue(phoenix.out().matches("(?s).*notice: \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ACQUIRE seq=1 esp "
                + "192\\.0\\.2\\.10 > 198\\.51\\.100\\.20 for esp/transport//require \\(policy id=\\d+\\)\n.*"),
                phoenix.out());
        phoenix.clear();
        phoenix.run("set notices off", "sysctl net.key.blockacq_lifetime=0", "ping -c 1 -W 0.2 " + CARDINAL);
        assertFalse(phoenix.out().contains("notice:"), phoenix.out());
        phoenix.run("set");
        assertTrue(phoenix.out().contains("debug off\nnotices off\n"), phoenix.out());
    }

    @Test
    void netstatAndLinkShowCounters() throws Exception {
        howto();
        phoenix.run("ping -c 2 -i 0.1 -W 2 " + CARDINAL);
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("netstat -ss -p ah"));
        assertEquals("ah:\n\t2 packets in\n\t2 packets out\n\t264 bytes in\n\t216 bytes out\n\tAH output histogram:\n"
                + "\t\thmac-md5: 2\n", phoenix.out());
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("netstat -s"));
        assertTrue(phoenix.out().startsWith("ipsec:\n") && phoenix.out().contains("\nipsec6:\n")
                && phoenix.out().contains("\nipcomp:\n"), phoenix.out());
        phoenix.clear();
        assertEquals(Outcome.FAILED, phoenix.run("netstat -s -p tcp"));
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("link"));
        assertTrue(phoenix.out().startsWith("local 127.0.0.1:"), phoenix.out());
        assertTrue(phoenix.out().contains("  phoenix 192.0.2.10 2001:db8:1::10\npeer  127.0.0.1:"), phoenix.out());
        assertTrue(phoenix.out().contains("prefixes (default)  announced cardinal 198.51.100.20 2001:db8:2::20\n"
                + "      sent 2 packets 264 bytes, received 2 packets 264 bytes; control (announcements, peer check) "),
                phoenix.out());
        assertTrue(phoenix.out().matches("(?s).*peer check\\) [1-9]\\d* out [1-9]\\d* in\n.*"), phoenix.out());
        assertTrue(phoenix.out().endsWith("foreign datagrams 0, malformed datagrams 0, packets without a peer 0\n"),
                phoenix.out());
    }

    @Test
    void explainWithNothingDropped() {
        assertEquals(Outcome.OK, phoenix.run("explain"));
        assertEquals("No packets dropped.\n", phoenix.out());
    }
}
