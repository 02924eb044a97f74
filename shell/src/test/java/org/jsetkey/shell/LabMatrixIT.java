package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsetkey.shell.command.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy level, action and mode, IPv4 and IPv6, driven through the shell commands of
 * hosts in one JVM; plus a router forwarding between two segments and two gateways
 * tunnelling between them.
 */
class LabMatrixIT {
    private record Family(String name, String phoenix, String cardinal, String deflevKnob) {
    }

    private static final Family V4 = new Family("IPv4", "192.0.2.10", "198.51.100.20",
            "net.inet.ipsec.esp_trans_deflev");
    private static final Family V6 = new Family("IPv6", "2001:db8:1::10", "2001:db8:2::20",
            "net.inet6.ipsec6.esp_trans_deflev");

    static Stream<Arguments> levels() {
        List<Arguments> l = new ArrayList<>();
        for (Family f : List.of(V4, V6)) {
            for (String mode : List.of("transport", "tunnel")) {
                for (String level : List.of("default", "use", "require", "unique")) {
                    for (boolean sas : List.of(true, false)) {
                        l.add(Arguments.of(f, mode, level, sas));
                    }
                }
            }
        }
        return l.stream();
    }

    private static String rule(Family f, String mode, String level, boolean out, boolean phoenixSide) {
        String src = phoenixSide == out ? f.phoenix() : f.cardinal();
        String dst = phoenixSide == out ? f.cardinal() : f.phoenix();
        return "esp/" + mode + "/" + (mode.equals("tunnel") ? src + "-" + dst : "") + "/" + level;
    }

    private static String config(Family f, String mode, String level, boolean sas, boolean phoenixSide) {
        String me = phoenixSide ? f.phoenix() : f.cardinal();
        String peer = phoenixSide ? f.cardinal() : f.phoenix();
        StringBuilder sb = new StringBuilder("flush;\nspdflush;\n");
        if (sas) {
            sb.append("add ").append(f.phoenix()).append(' ').append(f.cardinal()).append(" esp 4100 -m ").append(mode)
                    .append(" -E aes-cbc 0x00112233445566778899aabbccddeeff -A hmac-sha1 \"12345678901234567890\";\n");
            sb.append("add ").append(f.cardinal()).append(' ').append(f.phoenix()).append(" esp 4200 -m ").append(mode)
                    .append(" -E aes-cbc 0xffeeddccbbaa99887766554433221100 -A hmac-sha1 \"09876543210987654321\";\n");
        }
        sb.append("spdadd ").append(me).append(' ').append(peer).append(" any -P out ipsec ")
                .append(rule(f, mode, level, true, phoenixSide)).append(";\n");
        sb.append("spdadd ").append(peer).append(' ').append(me).append(" any -P in ipsec ")
                .append(rule(f, mode, level, false, phoenixSide)).append(";\n");
        return sb.toString();
    }

    /** Phoenix and cardinal, each with its side of the configuration. */
    private static TwoHosts lab(Family f, String mode, String level, boolean sas) throws Exception {
        return TwoHosts.dualStack().load(config(f, mode, level, sas, true), config(f, mode, level, sas, false));
    }

    @ParameterizedTest(name = "{0} {1} {2} SAs={3}")
    @MethodSource("levels")
    void levelDecidesWhetherPingsPassProtectedInTheClearOrNotAtAll(Family f, String mode, String level, boolean sas)
            throws Exception {
        try (TwoHosts lab = lab(f, mode, level, sas)) {
            LabHost phoenix = lab.phoenix;
            phoenix.run("tcpdump", "monitor");
            phoenix.clear();
            Outcome o = phoenix.run("ping -c 2 -i 0.05 -W " + (sas ? "2" : "0.4") + " " + f.cardinal());
            phoenix.run("tcpdump stop", "monitor stop");
            String out = phoenix.out();
            boolean mustProtect = !level.equals("use") && !level.equals("default");
            if (sas) {
                assertEquals(Outcome.OK, o, out);
                assertTrue(out.contains("2 packets transmitted, 2 received"), out);
                assertTrue(out.contains("ESP(spi=0x00001004,seq=0x2)") && out.contains("ESP(spi=0x00001068,seq=0x2)"),
                        out);
                assertFalse(out.contains("echo request"), "protected on the wire: " + out);
            } else if (!mustProtect) {
                assertEquals(Outcome.OK, o, out);
                assertTrue(out.contains("2 packets transmitted, 2 received"), out);
                assertTrue(out.contains("echo request") && !out.contains("ESP("), "in the clear: " + out);
                assertFalse(out.contains(" ACQUIRE "), out);
            } else {
                assertEquals(Outcome.FAILED, o, out);
                assertTrue(out.contains("2 packets transmitted, 0 received, 100% packet loss"), out);
                assertFalse(datapath(out).contains(" IP"), "nothing on the wire: " + out);
                assertTrue(out.contains(" ACQUIRE seq=1 esp " + f.phoenix() + " > " + f.cardinal()), out);
            }
        }
    }

    static Stream<Arguments> deflevs() {
        return Stream.of(Arguments.of(V4, 1), Arguments.of(V4, 2), Arguments.of(V6, 1), Arguments.of(V6, 2));
    }

    @ParameterizedTest(name = "{0} esp_trans_deflev={1}")
    @MethodSource("deflevs")
    void levelDefaultFollowsTheDeflevKnob(Family f, int deflev) throws Exception {
        try (TwoHosts lab = lab(f, "transport", "default", false)) {
            LabHost phoenix = lab.phoenix;
            phoenix.run("sysctl " + f.deflevKnob() + "=" + deflev);
            phoenix.clear();
            Outcome o = phoenix.run("ping -c 1 -W 0.5 " + f.cardinal());
            assertEquals(deflev == 1 ? Outcome.OK : Outcome.FAILED, o, phoenix.out());
            phoenix.clear();
            phoenix.run("netstat -ss -p " + (f == V4 ? "ipsec" : "ipsec6"));
            assertEquals(deflev == 2, phoenix.out().contains("\t1 outbound packet with no SA available\n"),
                    phoenix.out());
        }
    }

    static Stream<Arguments> actions() {
        return Stream.of(Arguments.of(V4, "none"), Arguments.of(V4, "discard"), Arguments.of(V6, "none"),
                Arguments.of(V6, "discard"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("actions")
    void actionNonePassesInTheClearAndDiscardDrops(Family f, String action) throws Exception {
        try (TwoHosts lab = TwoHosts.dualStack()) {
            LabHost phoenix = lab.phoenix;
            phoenix.setkey("spdadd " + f.phoenix() + " " + f.cardinal() + " any -P out " + action + ";");
            phoenix.run("tcpdump");
            phoenix.clear();
            Outcome o = phoenix.run("ping -c 2 -i 0.05 -W 0.5 " + f.cardinal(), "tcpdump stop", "explain 1");
            String out = phoenix.out();
            if (action.equals("none")) {
                assertTrue(out.contains("2 packets transmitted, 2 received") && out.contains("echo request"), out);
                assertEquals("No packets dropped.\n", out.substring(out.lastIndexOf("\n", out.length() - 2) + 1));
            } else {
                assertTrue(out.contains("2 packets transmitted, 0 received") && !datapath(out).contains(" IP"), out);
                assertTrue(out.contains(" OUT_POLICY_DISCARD (outbound policy says discard)\n"), out);
            }
            assertEquals(Outcome.OK, o);
        }
    }

    @Test
    void routerForwardsBetweenTwoSegmentsAndSeesTheProtectedPackets() throws Exception {
        try (LabHost phoenix = new LabHost("phoenix", "192.0.2.10", "2001:db8:1::10");
             LabHost router = new LabHost("router", "192.0.2.1", "198.51.100.1", "2001:db8:1::1", "2001:db8:2::1");
             LabHost cardinal = new LabHost("cardinal", "198.51.100.20", "2001:db8:2::20")) {
            phoenix.peer(router, "198.51.100.0/24", "2001:db8:2::/64");
            cardinal.peer(router, "192.0.2.0/24", "2001:db8:1::/64");
            router.peer(phoenix, "192.0.2.0/24", "2001:db8:1::/64").peer(cardinal, "198.51.100.0/24", "2001:db8:2::/64");
            phoenix.setkey(Demo.config("phoenix"));
            cardinal.setkey(Demo.config("cardinal"));
            assertEquals(Outcome.FAILED, phoenix.run("ping -c 1 -W 0.5 198.51.100.20"), "router not forwarding yet");
            router.run("explain 1");
            assertTrue(router.out().contains(" NOT_FOR_US "), router.out());
            router.run("sysctl net.inet.ip.forwarding=1", "sysctl net.inet6.ip6.forwarding=1", "tcpdump");
            router.clear();
            phoenix.clear();
            assertEquals(Outcome.OK, phoenix.run("ping -c 2 -i 0.05 -W 2 198.51.100.20"), phoenix.out());
            assertTrue(phoenix.out().contains("ttl=63"), "one hop: " + phoenix.out());
            assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 2 2001:db8:2::20"), phoenix.out());
            router.run("tcpdump stop");
            String trace = router.out();
            // each forwarded packet twice, once per side, as tcpdump -i any names interface and direction
            assertTrue(trace.contains(" phoenix In  IP 192.0.2.10 > 198.51.100.20: AH(spi=0x00003d54,seq=0x2,"), trace);
            assertTrue(trace.contains(" cardinal Out IP 192.0.2.10 > 198.51.100.20: AH(spi=0x00003d54,seq=0x2,"), trace);
            assertTrue(trace.contains(" cardinal In  IP 198.51.100.20 > 192.0.2.10: AH(spi=0x00005fb4,seq=0x2,"), trace);
            assertTrue(trace.contains(" phoenix Out IP 198.51.100.20 > 192.0.2.10: AH(spi=0x00005fb4,seq=0x2,"), trace);
            assertTrue(trace.contains(" phoenix In  IP6 2001:db8:1::10 > 2001:db8:2::20: ICMP6, echo request"), trace);
            assertTrue(trace.contains(" cardinal Out IP6 2001:db8:1::10 > 2001:db8:2::20: ICMP6, echo request"), trace);
        }
    }

    @Test
    void gatewaysTunnelBetweenTheirSegments() throws Exception {
        try (LabHost phoenix = new LabHost("phoenix", "192.0.2.10");
             LabHost gwa = new LabHost("gwa", "192.0.2.1", "203.0.113.1");
             LabHost gwb = new LabHost("gwb", "203.0.113.2", "198.51.100.1");
             LabHost cardinal = new LabHost("cardinal", "198.51.100.20")) {
            phoenix.peer(gwa);
            cardinal.peer(gwb);
            gwa.peer(phoenix, "192.0.2.0/24").peer(gwb, "203.0.113.2/32", "198.51.100.0/24");
            gwb.peer(cardinal, "198.51.100.0/24").peer(gwa, "203.0.113.1/32", "192.0.2.0/24");
            String sas = "add 203.0.113.1 203.0.113.2 esp 5001 -m tunnel -E aes-cbc 0x000102030405060708090a0b0c0d0e0f "
                    + "-A hmac-sha2-256 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f;\n"
                    + "add 203.0.113.2 203.0.113.1 esp 5002 -m tunnel -E aes-cbc 0x0f0e0d0c0b0a09080706050403020100 "
                    + "-A hmac-sha2-256 0x1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100;\n";
            gwa.setkey(sas + "spdadd 192.0.2.0/24 198.51.100.0/24 any -P out ipsec esp/tunnel/203.0.113.1-203.0.113.2/require;\n"
                    + "spdadd 198.51.100.0/24 192.0.2.0/24 any -P in ipsec esp/tunnel/203.0.113.2-203.0.113.1/require;");
            gwb.setkey(sas + "spdadd 198.51.100.0/24 192.0.2.0/24 any -P out ipsec esp/tunnel/203.0.113.2-203.0.113.1/require;\n"
                    + "spdadd 192.0.2.0/24 198.51.100.0/24 any -P in ipsec esp/tunnel/203.0.113.1-203.0.113.2/require;");
            gwa.run("sysctl net.inet.ip.forwarding=1", "tcpdump -d");
            gwb.run("sysctl net.inet.ip.forwarding=1");
            phoenix.run("tcpdump");
            gwa.clear();
            assertEquals(Outcome.OK, phoenix.run("ping -c 2 -i 0.05 -W 2 198.51.100.20"), phoenix.out() + gwa.out());
            gwa.run("tcpdump stop");
            assertTrue(phoenix.out().contains("IP 192.0.2.10 > 198.51.100.20: ICMP echo request"),
                    "clear on phoenix's segment: " + phoenix.out());
            String trace = gwa.out();
            assertTrue(trace.contains("IP 203.0.113.1 > 203.0.113.2: ESP(spi=0x00001389,seq=0x1), length "), trace);
            assertTrue(trace.contains("    inner: IP 192.0.2.10 > 198.51.100.20: ICMP echo request"), trace);
            assertTrue(trace.contains("IP 203.0.113.2 > 203.0.113.1: ESP(spi=0x0000138a,seq=0x2), length "), trace);
        }
    }

    /** The output without the hosts' announcement lines (UDP to port 60500), which may cross at any time. */
    private static String datapath(String out) {
        return out.replaceAll("(?m)^.*\\.60500: UDP, length \\d+\n", "");
    }
}
