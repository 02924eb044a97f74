package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NAT lab as three processes (cardinal's pcap of the NAT-T exchange read by Debian's tcpdump and
 * decrypted by tshark with the SA keys) booted from copies of scripts/{phoenix,router,cardinal}/rc.nat.conf
 * (free ports): NAT-T pings pass and cardinal sees the router's outside address; with plain ESP
 * and with AH they fail, each with its reason in explain.
 */
class NatThreeProcessIT {
    @TempDir
    Path dir;

    /** rc.nat.conf of {@code host} with the lab's ports replaced and its files made absolute. */
    private Path profile(String host, Map<String, Integer> ports) throws IOException {
        Path from = LabProfiles.SCRIPTS.resolve(host);
        String rc = Files.readString(from.resolve("rc.nat.conf"))
                .replace("127.0.0.1:7121", "127.0.0.1:" + ports.get("phoenix"))
                .replace("127.0.0.1:7122", "127.0.0.1:" + ports.get("cardinal"))
                .replace("127.0.0.1:7123", "127.0.0.1:" + ports.get("router"))
                .replace("ipsec_file=\"nat-natt.conf\"", "ipsec_file=\"" + from.resolve("nat-natt.conf") + "\"")
                .replace("pf_rules=\"pf.nat.conf\"", "pf_rules=\"" + from.resolve("pf.nat.conf") + "\"");
        assertTrue(rc.contains(":" + ports.get(host)), rc);
        Path file = dir.resolve(host + "-rc.nat.conf");
        Files.writeString(file, rc);
        return file;
    }

    private static JsetkeyProcess start(Path rc, String name) throws Exception {
        JsetkeyProcess p = JsetkeyProcess.start("--rc", rc.toString());
        p.send("echo " + name + "-ready\n");
        assertTrue(p.awaitOut(name + "-ready", 60), () -> name + " did not start: " + p.out() + p.err());
        return p;
    }

    /** Sends commands and waits for the marker echoed after them; returns the output since the call. */
    private static String run(JsetkeyProcess p, String commands, String marker) throws Exception {
        int from = p.out().length();
        p.send(commands + "echo " + marker + "\n");
        assertTrue(p.awaitOut(marker, 60), () -> marker + " never came: " + p.out() + p.err());
        return p.out().substring(from);
    }

    private static String exec(String... cmd) throws Exception {
        assertTrue(Files.isExecutable(Path.of(cmd[0])), cmd[0] + " is not installed (apt-get install -y tcpdump tshark)");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd[0] + " did not finish");
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /** tcpdump -n -r lines without their timestamps. */
    private static List<String> tcpdump(Path pcap) throws Exception {
        List<String> l = new ArrayList<>();
        for (String line : exec("/usr/bin/tcpdump", "-n", "-r", pcap.toString()).split("\n")) {
            if (line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} IP .*")) {
                l.add(line.substring(16));
            }
        }
        return l;
    }

    /** tshark -V with both SAs of the profiles' nat-natt.conf in its ESP table (keys as cardinal has them). */
    private static String tshark(Path pcap) throws Exception {
        String enc = "0x00112233445566778899aabbccddeeff";
        String auth = "0x00112233445566778899aabbccddeeff00112233";
        String sa = "\"IPv4\",\"%s\",\"%s\",\"%s\",\"AES-CBC [RFC3602]\",\"" + enc
                + "\",\"HMAC-SHA-1-96 [RFC2404]\",\"" + auth + "\"";
        return exec("/usr/bin/tshark", "-r", pcap.toString(), "-o", "esp.enable_encryption_decode:TRUE",
                "-o", "esp.enable_authentication_check:TRUE",
                "-o", "uat:esp_sa:" + String.format(sa, "203.0.113.1", "198.51.100.20", "0x00001000"),
                "-o", "uat:esp_sa:" + String.format(sa, "198.51.100.20", "203.0.113.1", "0x00001001"), "-V");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void natTraversalPassesWhereAhAndEspFail() throws Exception {
        Map<String, Integer> ports = Map.of("phoenix", LabProfiles.freePort(), "cardinal", LabProfiles.freePort(),
                "router", LabProfiles.freePort());
        Path scripts = LabProfiles.SCRIPTS;
        try (JsetkeyProcess router = start(profile("router", ports), "router");
             JsetkeyProcess cardinal = start(profile("cardinal", ports), "cardinal");
             JsetkeyProcess phoenix = start(profile("phoenix", ports), "phoenix")) {
            assertTrue(router.out().startsWith("Enabling pf.\n"), router.out());

            Path pcap = dir.resolve("natt.pcap");
            run(cardinal, "tcpdump -c 4 -w " + pcap + " --print\n", "c1");
            String ping = run(phoenix, "ping -c 2 -i 0.2 -W 5 198.51.100.20\n", "p1");
            assertTrue(ping.contains("2 packets transmitted, 2 received, 0% packet loss"), ping + phoenix.err());
            assertTrue(cardinal.awaitOut("203.0.113.1.50001 > 198.51.100.20.4500: UDP-encap: ESP(spi=0x00001000,"
                    + "seq=0x1), length 116", 30), cardinal.out());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!cardinal.err().contains("4 packets captured") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(cardinal.err().contains("4 packets captured"), cardinal.out() + cardinal.err());
            List<String> ours = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} (IP .*)$").matcher(cardinal.out());
            while (m.find()) {
                ours.add(m.group(1));
            }
            assertEquals(ours, tcpdump(pcap), "Debian's tcpdump reads jsetkey's pcap as jsetkey printed it");
            String tshark = tshark(pcap);
            assertEquals(2, count(tshark, "Echo (ping) request"), tshark);
            assertEquals(2, count(tshark, "Echo (ping) reply"), tshark);
            assertEquals(4, count(tshark, "UDP Encapsulation of IPsec Packets"), tshark);
            assertEquals(4, count(tshark, "[Good: True]"), tshark);
            String sa = run(cardinal, "get 203.0.113.1 198.51.100.20 esp-udp 0x1000;\n", "c2");
            assertTrue(sa.contains("203.0.113.1[50001] 198.51.100.20[4500]\n\tesp-udp mode=transport spi=4096"
                    + "(0x00001000)"), sa);
            String table = run(router, "nat\n", "r1");
            assertTrue(table.contains("all udp 203.0.113.1:50001 (10.0.1.10:4500) -> 198.51.100.20:4500\n"), table);

            run(cardinal, "run " + scripts.resolve("cardinal/nat-esp.conf") + "\n", "c3");
            ping = run(phoenix, "run " + scripts.resolve("phoenix/nat-esp.conf")
                    + "\nping -c 1 -W 2 198.51.100.20\n", "p2");
            assertTrue(ping.contains("1 packets transmitted, 0 received, 100% packet loss"), ping);
            String why = run(router, "explain 1\n", "r2");
            assertTrue(why.contains("NAT_UNTRANSLATABLE (the NAT cannot translate it)\n    nat: ESP has no ports to"
                    + " translate"), why);

            run(cardinal, "run " + scripts.resolve("cardinal/nat-ah.conf") + "\n", "c4");
            ping = run(phoenix, "run " + scripts.resolve("phoenix/nat-ah.conf")
                    + "\nping -c 1 -W 2 198.51.100.20\n", "p3");
            assertTrue(ping.contains("1 packets transmitted, 0 received, 100% packet loss"), ping);
            why = run(cardinal, "explain 1\n", "c5");
            assertTrue(why.contains("AUTH_FAILED (ICV mismatch)\n    ICV mismatch on ah spi 8192 (0x00002000) from"
                    + " 203.0.113.1 to 198.51.100.20: the source address changed on the way (the SA is from"
                    + " 10.0.1.10, the packet comes from 203.0.113.1): a NAT rewrote it"), why);
            assertEquals(0, cardinal.finish(30), cardinal.err());
            assertEquals(0, router.finish(30), router.err());
            assertEquals(1, phoenix.finish(30), "the failed pings of the ESP and AH cases: " + phoenix.err());
        }
    }
}
