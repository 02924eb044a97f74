package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;
import org.junit.jupiter.api.Test;

/** --rc profiles and --boot files: the simulated FreeBSD boot (architecture.md §18). */
class BootTest extends InProcessProgramTest {
    private static final String SA = "add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"12345\";\n";

    private Path rc(String... lines) throws Exception {
        Path p = dir.resolve("rc.conf");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void enabledAndReadableInstallsTheKeysBeforeTheCommands() throws Exception {
        Files.writeString(dir.resolve("ipsec.conf"), "flush;\n" + SA);
        Path rc = rc("hostname=\"phoenix\"", "ipsec_enable=\"YES\"", "ipsec_file=\"ipsec.conf\"");
        assertEquals(0, run("echo after\ndump esp\n", "--rc", rc.toString()));
        assertTrue(out.startsWith("Installing ipsec manual keys/policies.\nafter\n192.0.2.10 198.51.100.20\n"
                + "\tesp mode=any spi=15701(0x00003d55)"), out);
        assertEquals("", err);
    }

    @Test
    void enabledButUnreadableWarnsLikeRcDIpsec() throws Exception {
        Path rc = rc("ipsec_enable=YES", "ipsec_file=\"missing.conf\"");
        assertEquals(1, run("dump;\n", "--rc", rc.toString()));
        assertEquals("/etc/rc.d/ipsec: WARNING: " + dir.resolve("missing.conf") + " not readable; ipsec start "
                + "aborted.\n", err);
        assertEquals("No SAD entries.\n", out, "the console still runs");
    }

    @Test
    void notEnabledLoadsNothingAndSaysNothing() throws Exception {
        Files.writeString(dir.resolve("ipsec.conf"), SA);
        Path rc = rc("ipsec_enable=\"NO\"", "ipsec_file=\"ipsec.conf\"");
        assertEquals(0, run("dump;\n", "--rc", rc.toString()));
        assertEquals("No SAD entries.\n", out);
        assertEquals("", err);
    }

    @Test
    void errorsInTheIpsecFileShowFileLineAndColumn() throws Exception {
        Path conf = dir.resolve("ipsec.conf");
        Files.writeString(conf, "flush;\nadd 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"1\";\n");
        Path rc = rc("ipsec_enable=YES", "ipsec_file=\"ipsec.conf\"");
        assertEquals(1, run("", "--rc", rc.toString()));
        assertTrue(out.startsWith("Installing ipsec manual keys/policies.\n"), out);
        assertTrue(err.startsWith(conf + ":2:"), err);
        assertTrue(err.contains("^"), err);
    }

    @Test
    void bootFileLoadsAfterTheProfile() throws Exception {
        Path boot = dir.resolve("boot.conf");
        Files.writeString(boot, SA);
        assertEquals(0, run("dump esp\n", "--boot", boot.toString(), "--addr", "192.0.2.10"));
        assertTrue(out.startsWith("192.0.2.10 198.51.100.20\n\tesp mode=any spi=15701"), out);
        assertEquals(1, run("", "--boot", dir.resolve("nope.conf").toString()));
        assertEquals("jsetkey: " + dir.resolve("nope.conf") + ": No such file or directory\n", err);
    }

    @Test
    void gatewayEnableTurnsForwardingOnAndBadBooleansWarn() throws Exception {
        Path rc = rc("gateway_enable=\"YES\"", "ipv6_gateway_enable=\"maybe\"");
        assertEquals(0, run("sysctl net.inet.ip.forwarding net.inet6.ip6.forwarding\n", "--rc", rc.toString()));
        assertEquals("net.inet.ip.forwarding: 1\nnet.inet6.ip6.forwarding: 0\n", out);
        assertEquals(rc + ": WARNING: $ipv6_gateway_enable is not set properly - see rc.conf(5).\n", err);
    }

    @Test
    void missingProfileIsAnError() {
        assertEquals(1, run("", "--rc", dir.resolve("none.conf").toString()));
        assertEquals("jsetkey: " + dir.resolve("none.conf") + ": No such file or directory\n", err);
    }

    @Test
    void flagsOverrideTheProfile() throws Exception {
        Path rc = rc("hostname=\"phoenix\"", "ifconfig_lnk0=\"inet 192.0.2.10/24\"", "jsetkey_listen=\"127.0.0.1:7101\"",
                "jsetkey_peers=\"127.0.0.1:7102\"");
        HostOptions flags = new HostOptions("other", List.of(IpAddress.parse("203.0.113.5")), null, List.of(), null,
                rc, null, false);
        try (HostContext h = new HostContext(flags)) {
            assertEquals("other", h.options().name());
            assertEquals(List.of(IpAddress.parse("203.0.113.5")), h.host().addresses());
            assertEquals(7101, h.options().listen().getPort(), "not given: from the profile");
            assertEquals("127.0.0.1:7102", h.options().peers().get(0).format());
        }
    }

    @Test
    void shippedProfilesMatchTheDemoAndLoad() throws Exception {
        Path scripts = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts");
        for (String host : List.of("phoenix", "cardinal")) {
            assertEquals(Files.readString(scripts.resolve(host).resolve("ipsec.conf")), Demo.config(host),
                    "the demo's copy of " + host + "/ipsec.conf");
        }
        for (String rc : List.of("phoenix/rc.conf", "cardinal/rc.conf", "phoenix/rc.routed.conf",
                "cardinal/rc.routed.conf", "router/rc.conf", "phoenix/rc.nat.conf", "cardinal/rc.nat.conf",
                "router/rc.nat.conf")) {
            HostOptions o = new HostOptions(null, List.of(), null, List.of(), null, scripts.resolve(rc), null, false);
            try (HostContext h = new HostContext(o)) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                org.jsetkey.shell.console.StreamOutput s = new org.jsetkey.shell.console.StreamOutput(
                        new PrintStream(b, true, StandardCharsets.UTF_8), new PrintStream(b, true, StandardCharsets.UTF_8));
                assertTrue(h.boot(s), rc + ": " + b);
                assertEquals(rc.equals("router/rc.nat.conf") ? "Enabling pf.\n" : "Installing ipsec manual keys/policies.\n",
                        b.toString(StandardCharsets.UTF_8), rc);
                assertTrue(h.options().listen() != null && !h.options().peers().isEmpty(), rc);
            }
        }
    }
}
