package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.junit.jupiter.api.Test;

/**
 * FreeBSD's spelling of a NAT-T SA (setkey grammar of FreeBSD 13: {@code -natt ipaddr[port] ipaddr[port]},
 * {@code -natt_mtu N} among the SA options of an esp SA): the same SA as esp-udp, with both original
 * addresses, dumped as FreeBSD's pfkey_sadump prints them (reference §4, §8.4, §14).
 */
class FreeBsdNatTLanguageTest {
    private static final String KEYS = NatTLanguageTest.KEYS;
    private static final String V4 = "add 10.0.0.1 10.0.0.2 esp 0x1000 -m transport -natt 192.168.1.5[4500]"
            + " 10.0.0.2[4501] -u 7 -natt_mtu 1400" + KEYS;
    private static final String V6 = "add 2001:db8::1 2001:db8::2 esp 0x2000 -natt 2001:db8:1::5[4500]"
            + " 2001:db8::2[4500] -m tunnel" + KEYS;

    private static String tail(String seq) {
        return NatTLanguageTest.tail(seq);
    }

    private static final String DUMP = "2001:db8::1[4500] 2001:db8::2[4500]\n"
            + "\tesp-udp mode=tunnel spi=8192(0x00002000) reqid=0(0x00000000)\n"
            + "\tNAT: OAI=2001:db8:1::5 OAR=2001:db8::2\n" + tail("1")
            + "10.0.0.1[4500] 10.0.0.2[4501]\n"
            + "\tesp-udp mode=transport spi=4096(0x00001000) reqid=7(0x00000007)\n"
            + "\tNAT: OAI=192.168.1.5 OAR=10.0.0.2\n" + tail("0");

    @Test
    void nattOnAnEspSaIsDumpedAsFreeBsdDoes() {
        Lab lab = new Lab();
        lab.ok(V4 + V6);
        lab.ok("dump;");
        assertEquals(DUMP, lab.output.toString());
        SecurityAssociation sa = lab.sad.snapshot().get(1).sa();
        assertEquals(SaType.ESP, sa.type());
        assertEquals(new NatT(4500, 4501, IpAddress.parse("192.168.1.5"), IpAddress.parse("10.0.0.2"), 1400),
                sa.natt());
    }

    @Test
    void theSameSaAsEspUdpApartFromTheResponderAddress() {
        Lab freeBsd = new Lab();
        freeBsd.ok("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5[4500] 10.0.0.2[4501]" + KEYS);
        Lab ipsecTools = new Lab();
        ipsecTools.ok("add 10.0.0.1[4500] 10.0.0.2[4501] esp-udp 192.168.1.5 0x1000" + KEYS);
        SecurityAssociation a = freeBsd.sad.snapshot().get(0).sa();
        SecurityAssociation b = ipsecTools.sad.snapshot().get(0).sa();
        assertEquals(b, a.withNatT(new NatT(4500, 4501, IpAddress.parse("192.168.1.5"))));
        freeBsd.ok("dump esp-udp;");
        assertTrue(freeBsd.output.toString().startsWith("10.0.0.1[4500] 10.0.0.2[4501]\n\tesp-udp mode=any"),
                freeBsd.output.toString());
    }

    @Test
    void savedAndReloadedItIsTheSameSaAndDump() {
        Lab lab = new Lab();
        lab.ok(V4 + V6 + "add 10.0.0.1[4500] 10.0.0.2[4500] esp-udp 10.9.9.9 0x3000 -natt_mtu 576" + KEYS);
        String saved = ConfigWriter.write(lab.sad, lab.spd);
        assertTrue(saved.contains("add 10.0.0.1 10.0.0.2 esp 4096 -m transport -u 7 -natt 192.168.1.5[4500]"
                + " 10.0.0.2[4501] -natt_mtu 1400 -E "), saved);
        assertTrue(saved.contains("add 10.0.0.1[4500] 10.0.0.2[4500] esp-udp 10.9.9.9 12288 -natt_mtu 576 -E "),
                saved);
        Lab again = new Lab();
        again.ok(saved);
        assertEquals(lab.sad.snapshot().stream().map(e -> e.sa()).toList(),
                again.sad.snapshot().stream().map(e -> e.sa()).toList());
        assertEquals(lab.setkey.dumpSad(true), again.setkey.dumpSad(true));
        assertEquals(saved, ConfigWriter.write(again.sad, again.spd));
    }

    private static void fails(String text, String at, String message) {
        Lab lab = new Lab();
        assertTrue(lab.run(text).failed());
        Diagnostic d = lab.onlyError();
        assertEquals(message, d.message());
        assertEquals(1, d.pos().line());
        assertEquals(text.indexOf(at) + 1, d.pos().column(), d.format());
        assertEquals("", lab.setkey.dumpSad(true).replace(DumpPrinter.EMPTY, ""));
    }

    @Test
    void errorsPointAtTheWrongToken() {
        fails("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5 10.0.0.2[4500]" + KEYS, "10.0.0.2[",
                "missing [NAT-T source port] before \"10.0.0.2\"");
        fails("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5[4500] 10.0.0.2 -E" + KEYS.substring(3), "-E",
                "missing [NAT-T destination port] before \"-E\"");
        fails("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5[4500] 2001:db8::2[4500]" + KEYS, "2001:",
                "Family mismatch: -natt addresses \"192.168.1.5\" and \"2001:db8::2\" are not the same address family");
        fails("add 2001:db8::1 2001:db8::2 esp 0x1000 -natt 192.168.1.5[4500] 10.0.0.2[4500]" + KEYS, "192.",
                "Family mismatch: NAT original address \"192.168.1.5\" is not of the SA's address family");
        fails("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5[0] 10.0.0.2[4500]" + KEYS, "0]",
                "invalid NAT-T source port 0: NAT-T needs a UDP port");
        fails("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5[4500] 10.0.0.2[ipsec-nat-t]" + KEYS, "ipsec-",
                "invalid NAT-T destination port \"ipsec-nat-t\"");
        fails("add 10.0.0.1 10.0.0.2 ah 0x1000 -natt 192.168.1.5[4500] 10.0.0.2[4500] -A hmac-sha1 "
                + "0x00112233445566778899aabbccddeeff00112233;", "-natt", "-natt is only for esp SAs, not ah");
        fails("add 10.0.0.1 10.0.0.2 ipcomp 0x1000 -natt 192.168.1.5[4500] 10.0.0.2[4500] -C deflate;", "-natt",
                "-natt is only for esp SAs, not ipcomp");
        fails("add 10.0.0.1[4500] 10.0.0.2[4500] esp-udp 0x1000 -natt 192.168.1.5[4500] 10.0.0.2[4500]" + KEYS,
                "-natt", "-natt is only for esp SAs (esp-udp gives its ports on the addresses)");
        fails("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt_mtu 1400" + KEYS, "-natt_mtu",
                "-natt_mtu needs -natt (or an esp-udp SA)");
        fails("add 10.0.0.1 10.0.0.2 ah 0x1000 -natt_mtu 1400 -A hmac-sha1 "
                + "0x00112233445566778899aabbccddeeff00112233;", "-natt_mtu",
                "-natt_mtu is only for esp SAs with -natt and esp-udp SAs, not ah");
        fails("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5[4500] 10.0.0.2[4500] -natt_mtu 70000" + KEYS,
                "70000", "NAT-T fragment size too big: 70000");
    }

    @Test
    void helpAndCompletionComeFromTheGrammar() {
        String help = Grammar.help("add");
        assertTrue(help.contains("    -natt      esp NAT-T as FreeBSD spells it"), help);
        assertTrue(help.contains("    -natt_mtu  NAT-T fragment size"), help);
        Expectation esp = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp 0x1000 -m transport ");
        assertTrue(esp.candidates().containsAll(java.util.List.of("-natt", "-natt_mtu")), esp.toString());
        Expectation ah = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 ah 0x1000 ");
        assertFalse(ah.candidates().contains("-natt"), ah.toString());
        assertFalse(ah.candidates().contains("-natt_mtu"), ah.toString());
        Expectation udp = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp-udp 0x1000 ");
        assertFalse(udp.candidates().contains("-natt"), udp.toString());
        assertTrue(udp.candidates().contains("-natt_mtu"), udp.toString());
        assertEquals(SlotKind.ADDRESS, Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt ").kind());
        assertEquals(SlotKind.PORT, Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5 ").kind());
        assertEquals(SlotKind.ADDRESS,
                Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp 0x1000 -natt 192.168.1.5[4500] ").kind());
    }
}
