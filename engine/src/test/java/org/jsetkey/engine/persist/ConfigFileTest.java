package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    private static List<String> errors(TestHost h) {
        return h.diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(Diagnostic::format)
                .toList();
    }

    @Test
    void sysctlLinesBetweenStatementsApplyInFileOrder() {
        TestHost h = new TestHost();
        h.loadClean("flush;\nsysctl net.inet.ipsec.esp_trans_deflev=2 net.inet.ip.forwarding=1\n"
                + "add 10.0.0.1 10.0.0.2\n  esp 0x1000 -E null;\n");
        assertEquals(2, h.host.sysctl().getInt(SysctlNames.IPSEC_ESP_TRANS_DEFLEV));
        assertEquals(1, h.host.sysctl().getInt(SysctlNames.IP_FORWARDING));
        assertEquals(1, h.host.sad().size());
    }

    @Test
    void aBadSysctlLinePointsAtTheValueAndNothingChanges() {
        TestHost h = new TestHost();
        String before = h.state();
        assertTrue(h.load("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nsysctl net.inet.ipsec.dfbit=7\n").failed());
        assertEquals(List.of("t.conf:2:29: net.inet.ipsec.dfbit: 7 out of range (expected: 0..2)\n"
                + "sysctl net.inet.ipsec.dfbit=7\n"
                + "                            ^"), errors(h));
        assertEquals(before, h.state());
    }

    @Test
    void unknownKnobAndReadOnlyKnobAreErrorsAtTheName() {
        TestHost h = new TestHost();
        assertTrue(h.load("sysctl net.inet.ipsec.nosuch=1\n  sysctl net.inet.ipsec.crypto_support=1\n").failed());
        List<String> e = errors(h);
        assertEquals(2, e.size());
        assertTrue(e.get(0).startsWith("t.conf:1:8: unknown oid 'net.inet.ipsec.nosuch'"), e.get(0));
        assertTrue(e.get(1).startsWith("t.conf:2:10: oid 'net.inet.ipsec.crypto_support' is read only"), e.get(1));
    }

    @Test
    void aSysctlWordInsideAnOpenStatementIsSetkeyText() {
        TestHost h = new TestHost();
        assertTrue(h.load("add 10.0.0.1 10.0.0.2 esp 0x1000\nsysctl -E null;\n").failed());
        assertTrue(errors(h).get(0).startsWith("t.conf:2:1: "), errors(h).toString());
    }

    @Test
    void ipXfrmLinesLoadAsSetkeyStatements() {
        TestHost h = new TestHost();
        h.loadClean("ip xfrm state flush\nip xfrm policy flush\n"
                + "ip xfrm state add src 192.0.2.10 dst 198.51.100.20 proto esp spi 0x00003d55 reqid 5 mode transport"
                + " replay-window 32 enc 'cbc(aes)' 0x000102030405060708090a0b0c0d0e0f"
                + " auth-trunc hmac(sha256) 0x" + "11".repeat(32) + " 128\n"
                + "ip xfrm state add src 192.0.2.10 dst 198.51.100.20 proto esp spi 4000"
                + " aead rfc4106(gcm(aes)) 0x" + "22".repeat(20) + " 128 extra-flag oseq-may-wrap\n"
                + "ip xfrm state add src 192.0.2.10 dst 198.51.100.20 proto comp spi 0x5000 comp deflate\n"
                + "ip xfrm policy add src 192.0.2.10/32 dst 198.51.100.20/32 proto tcp dport 443 dir out priority 100"
                + " tmpl proto esp mode transport level required"
                + " tmpl src 192.0.2.1 dst 198.51.100.1 proto ah reqid 9 mode tunnel level required\n");
        TestHost s = new TestHost();
        s.loadClean("add 192.0.2.10 198.51.100.20 esp 15701 -m transport -r 4 -u 5 -f nocyclic-seq"
                + " -E rijndael-cbc 0x000102030405060708090a0b0c0d0e0f -A hmac-sha2-256 0x" + "11".repeat(32) + ";\n"
                + "add 192.0.2.10 198.51.100.20 esp 4000 -E aes-gcm-16 0x" + "22".repeat(20) + ";\n"
                + "add 192.0.2.10 198.51.100.20 ipcomp 0x5000 -f nocyclic-seq -C deflate;\n"
                + "spdadd 192.0.2.10 198.51.100.20[443] tcp -P out prio 2147483548 ipsec esp/transport//require"
                + " ah/tunnel/192.0.2.1-198.51.100.1/unique:9;\n");
        assertEquals(s.sad(), h.sad());
        assertEquals(s.spd(), h.spd());
    }

    @Test
    void ipXfrmErrorsPointAtTheWordAndChangeNothing() {
        String aes = " enc cbc(aes) 0x" + "00".repeat(16);
        String[][] cases = {
            {"ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 mark 7" + aes, "mark",
                "\"mark\" has no setkey equivalent"},
            {"ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 enc cbc(aes) 0x0001", "0x0001",
                "rijndael-cbc"},
            {"ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 mode beet" + aes, "beet",
                "mode beet has no setkey equivalent"},
            {"ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 enc cbc(nope) 0x00", "cbc(nope)",
                "algorithm cbc(nope) has no setkey equivalent here"},
            {"ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000" + aes + " auth-trunc hmac(sha1) 0x"
                + "00".repeat(20) + " 128", "128", "hmac(sha1) with a 128-bit ICV has no setkey equivalent"},
            {"ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp" + aes, "add", "missing spi SPI"},
            {"ip xfrm policy add src 10.0.0.1 dst 10.0.0.2 dir sideways", "sideways", ""},
            {"ip xfrm policy add src 10.0.0.1 dst 10.0.0.2 dir out tmpl proto esp level maybe", "maybe",
                "unknown level \"maybe\""},
            {"ip xfrm state allocspi src 10.0.0.1 dst 10.0.0.2", "allocspi",
                "ip xfrm state allocspi has no setkey equivalent"},
        };
        for (String[] c : cases) {
            TestHost h = new TestHost();
            String before = h.state();
            assertTrue(h.load("add 10.0.0.9 10.0.0.8 esp 0x2000 -E null;\n" + c[0] + "\n").failed(), c[0]);
            List<String> e = errors(h);
            assertEquals(1, e.size(), e.toString());
            String at = "t.conf:2:" + (c[0].lastIndexOf(" " + c[1]) + 2) + ": ";
            assertTrue(e.get(0).startsWith(at) && e.get(0).contains(c[2]), "expected " + at + c[2] + ", got " + e.get(0));
            assertEquals(before, h.state(), "changed by " + c[0]);
        }
    }

    @Test
    void theWriterReportsWhatIpXfrmCannotExpress() {
        TestHost h = new TestHost();
        h.loadClean("add 10.0.0.1 10.0.0.2 esp-old 0x1000 -E des-cbc 0x0001020304050607;\n"
                + "add 10.0.0.1 10.0.0.2 esp 0x1001 -E des-deriv 0x0001020304050607;\n"
                + "add 10.0.0.1 10.0.0.2 ah 0x1002 -A keyed-md5 0x" + "00".repeat(16) + ";\n"
                + "add 10.0.0.1 10.0.0.2 esp 0x1003 -E rijndael-cbc 0x" + "00".repeat(16) + ";\n"
                + "spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//default;\n"
                + "sysctl net.inet.ipsec.esp_trans_deflev=2\n");
        XfrmWriter.Result r = XfrmWriter.write(h.host.sad(), h.host.spd(), h.host.sysctl());
        List<String> notes = r.notes().stream().map(n -> n.line() + ": " + n.message()).toList();
        assertEquals(5, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("4: sysctl net.inet.ipsec.esp_trans_deflev is a FreeBSD knob"), notes.get(0));
        assertTrue(notes.get(1).startsWith("5: esp-old (RFC 1826/1827) has no ip xfrm equivalent"), notes.get(1));
        assertTrue(notes.get(2).startsWith("6: des-deriv has no Linux equivalent"), notes.get(2));
        assertTrue(notes.get(3).startsWith("7: keyed-md5 has no Linux equivalent"), notes.get(3));
        assertTrue(notes.get(4).startsWith("9: level default"), notes.get(4));
        String[] lines = r.text().split("\n");
        assertEquals("ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001003 extra-flag oseq-may-wrap"
                + " enc cbc(aes) 0x" + "00".repeat(16), lines[7]);
        assertFalse(notes.get(1).contains("0x0001020304050607"), "the report shows no key: " + notes.get(1));
    }
}
