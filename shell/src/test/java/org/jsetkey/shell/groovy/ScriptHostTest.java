package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.RecordingOutput;
import org.jsetkey.shell.command.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The script API on a host in this JVM, below the console. */
class ScriptHostTest {
    private final ConsoleScripts console = new ConsoleScripts();
    private final StringBuffer out = console.output.out;
    private final StringBuffer err = console.output.err;
    private final Host host = console.host;
    private final ScriptHost scripts = console.scripts;

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void hostIsTheConsolesEngineHost() {
        assertTrue(scripts.evaluate("host.engine") == host);
        scripts.evaluate("setkey('add 192.0.2.1 192.0.2.2 ah 0x1000 -A hmac-sha1 \"01234567890123456789\";')");
        assertEquals(1, host.sad().size());
        assertEquals("ah hmac-sha1 4096", scripts.evaluate("\"${sad[0].proto} ${sad[0].auth} ${sad[0].spi}\""
                + ".toString()"));
    }

    @Test
    void capturedPacketsShowLayersAndDecryptedInner() {
        Object r = scripts.evaluate(String.join("\n",
                "def b = newHost(name: 'b', addr: '198.51.100.20')",
                "def a = newHost(name: 'a', addr: '192.0.2.10', peer: b)",
                "def sas = '''add 192.0.2.10 198.51.100.20 esp 0x1001 -E aes-cbc \"0123456789abcdef\";",
                "  add 198.51.100.20 192.0.2.10 esp 0x1002 -E aes-cbc \"0123456789abcdef\";",
                "  add 192.0.2.10 198.51.100.20 ah 0x2001 -A hmac-sha1 \"01234567890123456789\";",
                "  add 198.51.100.20 192.0.2.10 ah 0x2002 -A hmac-sha1 \"01234567890123456789\";'''",
                "a.setkey(sas + 'spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require "
                        + "ah/transport//require;')",
                "b.setkey(sas + 'spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//require;')",
                "def seen = []",
                "def pkts = a.capture(count: 2, timeout: 5, during: { a.ping(b, quiet: true) }) { seen << it.direction }",
                "[seen, pkts.collect { [it.proto, it.layers, it.spi, it.seq, it.length, it.inner.proto,",
                "   it.inner.length, it.innerFailure, it.text.startsWith('IP ' + it.src + ' > ' + it.dst)] }]"));
        assertEquals(List.of(List.of("out", "in"), List.of(
                Arrays.asList("ah", List.of("AH", "ESP"), 0x2001L, 1L, 148, "icmp", 84, null, true),
                Arrays.asList("esp", List.of("ESP"), 0x1002L, 1L, 124, "icmp", 84, null, true))).toString(),
                r.toString());
    }

    @Test
    void capturedPacketDrawsItsPicture() {
        Object r = scripts.evaluate(String.join("\n",
                "def b = newHost(name: 'b', addr: '198.51.100.20')",
                "def a = newHost(name: 'a', addr: '192.0.2.10', peer: b)",
                "def sas = '''add 192.0.2.10 198.51.100.20 esp 0x1001 -E aes-cbc \"0123456789abcdef\""
                        + " -A hmac-sha1 \"01234567890123456789\";",
                "  add 198.51.100.20 192.0.2.10 esp 0x1002 -E aes-cbc \"0123456789abcdef\""
                        + " -A hmac-sha1 \"01234567890123456789\";'''",
                "a.setkey(sas + 'spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;')",
                "b.setkey(sas + 'spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//require;')",
                "def pkts = a.capture(count: 1, timeout: 5, during: { a.ping(b, quiet: true) })",
                "[pkts[0].picture, pkts[0].picture(80), pkts[0].svg]"));
        List<?> got = (List<?>) r;
        String wide = (String) got.get(0);
        assertTrue(wide.startsWith("IP packet, 136 bytes on the wire\n"), wide);
        assertTrue(wide.matches("(?s).*\\|  I   ESP\n.*"), wide);
        assertTrue(wide.matches("(?s).*\\|  IE  ICMP\n +\\| +8 \\(echo\\) +\\|.*"), wide);
        assertTrue(wide.contains("\nESP spi 4097 (0x00001001): ICV verified, decrypted with esp spi=4097(0x00001001)"
                + " dst=198.51.100.20\n"), wide);
        assertTrue(((String) got.get(1)).contains("+- ESP ---"), "narrow: names in the rule lines: " + got.get(1));
        assertTrue(((String) got.get(2)).contains(">Security Parameters Index (SPI)</text>"), (String) got.get(2));
    }

    @Test
    void onAcquireCallbackGetsTheEventAsAMap() {
        Object r = scripts.evaluate(String.join("\n",
                "def b = newHost(name: 'b', addr: '198.51.100.20')",
                "def a = newHost(name: 'a', addr: '192.0.2.10', peer: b)",
                "a.setkey('spdadd 192.0.2.10 198.51.100.20 icmp -P out ipsec esp/transport//require;')",
                "def got = [].asSynchronized()",
                "def sub = a.on('acquire') { e -> got << e }",
                "a.ping('198.51.100.20', wait: 0.2, quiet: true)",
                "assert waitFor(5) { got.size() == 1 }",
                "sub.cancel()",
                "got[0].subMap(['type', 'src', 'dst', 'proto', 'level', 'rule'])"));
        assertEquals("{type=acquire, src=192.0.2.10, dst=198.51.100.20, proto=esp, level=require, "
                + "rule=esp/transport//require}", r.toString());
    }

    @Test
    void waitForGivesUpAfterItsTimeout() {
        long t0 = System.nanoTime();
        assertEquals(false, scripts.evaluate("waitFor(0.2) { false }"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 190 && ms < 5000, ms + " ms");
        ScriptFailedException e = assertThrows(ScriptFailedException.class,
                () -> scripts.evaluate("waitFor(100000) { true }"));
        assertEquals("groovy:1: waitFor: 100000 (expected: seconds, 0..3600)", e.getMessage());
    }

    @Test
    void sysctlViewReadsAndRefusesBadValues() {
        assertEquals(1, scripts.evaluate("sysctl['net.inet.ipsec.esp_trans_deflev']"));
        ScriptFailedException e = assertThrows(ScriptFailedException.class,
                () -> scripts.evaluate("sysctl['net.inet.ipsec.def_policy'] = 7"));
        assertTrue(e.getMessage().startsWith("groovy:1: net.inet.ipsec.def_policy: 7 (expected: "),
                e.getMessage());
        assertEquals("net.inet.ipsec.def_policy: 1 -> 0\n", scripts.evaluate("sysctl('net.inet.ipsec.def_policy=0')"));
    }

    @Test
    void bindingNamesListTheApiAndNewVariables() {
        scripts.evaluate("answer = 42");
        List<String> names = scripts.bindingNames();
        for (String n : List.of("host", "sad", "spd", "sysctl", "link", "setkey", "ping", "capture", "on", "waitFor",
                "newHost", "answer")) {
            assertTrue(names.contains(n), n + " in " + names);
        }
        GroovyMode mode = new GroovyMode(scripts, new org.jsetkey.shell.command.Session(), new RecordingOutput());
        assertEquals(List.of("answer"), mode.candidates("x = an", 6));
        assertEquals(List.of("spd", "spddump"), mode.candidates("sp", 2));
        assertEquals(List.of(), mode.candidates("host.sp", 7));
        assertEquals(Outcome.PENDING, mode.accept("def f = {"));
        assertEquals(Outcome.OK, mode.accept("}"));
        assertEquals(Outcome.EXIT, mode.accept("exit"));
    }

    @Test
    void linkViewShowsLocalEndpointAndPeers() {
        Object r = scripts.evaluate(String.join("\n",
                "def b = newHost(name: 'b', addr: '198.51.100.20')",
                "def a = newHost(name: 'a', addr: '192.0.2.10', peer: b)",
                "[a.link.peers == [b.link.local], b.link.peers == [a.link.local], link]"));
        assertEquals("[true, true, null]", r.toString());
        assertFalse(out.length() > 0 && err.length() > 0);
    }
}
