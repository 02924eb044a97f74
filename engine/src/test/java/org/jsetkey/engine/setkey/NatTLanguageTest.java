package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.setkey.stmt.Add;
import org.junit.jupiter.api.Test;

/** esp-udp SAs (RFC 3948) as ipsec-tools spells them, dumped in the KAME/FreeBSD layout (reference §8.4). */
class NatTLanguageTest {
    /** The keys of every NAT-T SA these tests add (FreeBsdNatTLanguageTest too). */
    static final String KEYS = " -E aes-cbc 0x00112233445566778899aabbccddeeff -A hmac-sha1 "
            + "0x00112233445566778899aabbccddeeff00112233;\n";

    /** The dump lines after an SA's NAT line: its keys, state, times and counters, as the fixed clock gives them. */
    static String tail(String seq) {
        return "\tE: rijndael-cbc  00112233 44556677 8899aabb ccddeeff\n"
                + "\tA: hmac-sha1  00112233 44556677 8899aabb ccddeeff 00112233\n"
                + "\tseq=0x00000000 replay=0 flags=0x00000040 state=mature \n"
                + "\tcreated: Jan  5 01:02:03 2024\tcurrent: Jan  5 01:02:03 2024\n"
                + "\tdiff: 0(s)\thard: 0(s)\tsoft: 0(s)\n"
                + "\tlast:                     \thard: 0(s)\tsoft: 0(s)\n"
                + "\tcurrent: 0(bytes)\thard: 0(bytes)\tsoft: 0(bytes)\n"
                + "\tallocated: 0\thard: 0\tsoft: 0\n"
                + "\tsadb_seq=" + seq + " pid=4321 refcnt=1\n";
    }

    @Test
    void portsAndOriginalAddressAreDumpedAsFreeBsdDoes() {
        Lab lab = new Lab();
        lab.ok("add 192.0.2.10[4500] 198.51.100.20[4501] esp-udp 10.1.0.5 0x1000 -m transport" + KEYS
                + "add 2001:db8::1 2001:db8::2 esp-udp 0x2000 -m tunnel" + KEYS);
        lab.ok("dump;");
        assertEquals("2001:db8::1[4500] 2001:db8::2[4500]\n"
                + "\tesp-udp mode=tunnel spi=8192(0x00002000) reqid=0(0x00000000)\n" + tail("1")
                + "192.0.2.10[4500] 198.51.100.20[4501]\n"
                + "\tesp-udp mode=transport spi=4096(0x00001000) reqid=0(0x00000000)\n"
                + "\tNAT: OAI=10.1.0.5\n" + tail("0"), lab.output.toString());
        SaEntry e = lab.sad.snapshot().get(1);
        assertEquals(new NatT(4500, 4501, org.jsetkey.engine.net.IpAddress.parse("10.1.0.5")), e.sa().natt());
    }

    @Test
    void getDeleteDeleteallAndDumpOfEspUdp() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1[4500] 10.0.0.2[4500] esp-udp 0x1000" + KEYS
                + "add 10.0.0.1 10.0.0.2 esp 0x1001" + KEYS);
        lab.output.setLength(0);
        lab.ok("get 10.0.0.1[4500] 10.0.0.2[4500] esp-udp 0x1000;");
        assertTrue(lab.output.toString().startsWith("10.0.0.1[4500] 10.0.0.2[4500]\n\tesp-udp mode=any"),
                lab.output.toString());
        lab.output.setLength(0);
        lab.ok("dump esp-udp;");
        assertEquals(1, lab.output.toString().split("sadb_seq=").length - 1, "only the NAT-T SA");
        lab.ok("delete 10.0.0.1[4500] 10.0.0.2[4500] esp-udp 0x1000;");
        assertEquals(1, lab.sad.snapshot().size());
        lab.ok("update 10.0.0.1[4500] 10.0.0.2[4500] esp-udp 0x1001" + KEYS);
        assertEquals(new NatT(4500, 4500, null), lab.sad.snapshot().get(0).sa().natt());
        lab.ok("deleteall 10.0.0.1[4500] 10.0.0.2[4500] esp-udp;");
        assertEquals(0, lab.sad.snapshot().size());
    }

    @Test
    void savedTextParsesBackToTheSameSa() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1[4500] 10.0.0.2[1234] esp-udp 10.9.9.9 0x1000 -m transport" + KEYS);
        Add add = new Add(lab.sad.snapshot().get(0).sa());
        String text = StatementFormatter.format(add);
        assertTrue(text.startsWith("add 10.0.0.1[4500] 10.0.0.2[1234] esp-udp 10.9.9.9 4096 -m transport"), text);
        Lab again = new Lab();
        again.ok(text);
        assertEquals(add.sa(), again.sad.snapshot().get(0).sa());
    }

    @Test
    void tunnelEndpointsTakePorts() {
        Lab lab = new Lab();
        lab.ok("spdadd 10.1.0.0/24 10.2.0.0/24 any -P out ipsec esp/tunnel/192.0.2.10[4500]-198.51.100.20[4500]"
                + "/require;\n");
        assertTrue(lab.setkey.dumpSpd().contains("\tesp/tunnel/192.0.2.10-198.51.100.20/require\n"),
                lab.setkey.dumpSpd());
    }

    private static Diagnostic fails(String text, int column, String message) {
        Lab lab = new Lab();
        assertTrue(lab.run(text).failed());
        Diagnostic d = lab.onlyError();
        assertEquals(message, d.message());
        assertEquals(1, d.pos().line());
        assertEquals(column, d.pos().column(), d.format());
        assertEquals("", lab.setkey.dumpSad(true).replace(DumpPrinter.EMPTY, ""));
        return d;
    }

    @Test
    void errorsPointAtTheWrongToken() {
        fails("add 10.0.0.1[4500] 10.0.0.2 esp 0x1000" + KEYS, 13,
                "unexpected \"[\": only esp-udp SAs take a port on their addresses (NAT-T, RFC 3948)");
        fails("add 10.0.0.1[0] 10.0.0.2 esp-udp 0x1000" + KEYS, 13,
                "invalid NAT-T port 0: esp-udp needs a UDP port");
        fails("add 10.0.0.1[70000] 10.0.0.2 esp-udp 0x1000" + KEYS, 14, "invalid port \"70000\"");
        fails("add 10.0.0.1 10.0.0.2 esp-udp 2001:db8::1 0x1000" + KEYS, 31,
                "Family mismatch: NAT original address \"2001:db8::1\" is not of the SA's address family");
        fails("add 10.0.0.1 10.0.0.2 esp-udp 0x1000 -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233;",
                38, "algorithm mismatched: esp-udp needs -E before -A (use -E null for authentication only)");
        fails("spdadd 10.1.0.0/24 10.2.0.0/24 any -P out ipsec esp/tunnel/192.0.2.10[x]-198.51.100.20/require;",
                49, "Invalid address specification \"192.0.2.10[x]-198.51.100.20\" in rule "
                        + "\"esp/tunnel/192.0.2.10[x]-198.51.100.20/r\u2026\"");
    }

    @Test
    void helpAndCompletionComeFromTheGrammar() {
        assertTrue(Grammar.protocols().contains("esp-udp"));
        assertTrue(Grammar.help("add").contains("esp-udp [NAT original address]"), Grammar.help("add"));
        Expectation x = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp-");
        assertTrue(x.candidates().contains("esp-udp"), x.toString());
        assertEquals(SlotKind.ADDRESS, Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp-udp ").kind());
        assertEquals(SlotKind.SPI, Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp-udp 10.1.0.5 ").kind());
    }
}
