package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NAT lab as three processes booted from copies of scripts/{phoenix,router,cardinal}/rc.nat.conf
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

    @Test
    void natTraversalPassesWhereAhAndEspFail() throws Exception {
        Map<String, Integer> ports = Map.of("phoenix", LabProfiles.freePort(), "cardinal", LabProfiles.freePort(),
                "router", LabProfiles.freePort());
        Path scripts = LabProfiles.SCRIPTS;
        try (JsetkeyProcess router = start(profile("router", ports), "router");
             JsetkeyProcess cardinal = start(profile("cardinal", ports), "cardinal");
             JsetkeyProcess phoenix = start(profile("phoenix", ports), "phoenix")) {
            assertTrue(router.out().startsWith("Enabling pf.\n"), router.out());

            run(cardinal, "tcpdump -c 2\n", "c1");
            String ping = run(phoenix, "ping -c 2 -i 0.2 -W 5 198.51.100.20\n", "p1");
            assertTrue(ping.contains("2 packets transmitted, 2 received, 0% packet loss"), ping + phoenix.err());
            assertTrue(cardinal.awaitOut("203.0.113.1.50001 > 198.51.100.20.4500: UDP-encap: ESP(spi=0x00001000,"
                    + "seq=0x1), length 116", 30), cardinal.out());
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
