package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** esp-udp SAs as iproute2 spells them: {@code encap espinudp SPORT DPORT OADDR}, written and read back. */
class XfrmEncapTest {
    private static final String KEYS = " -E aes-cbc 0x00112233445566778899aabbccddeeff -A hmac-sha1 0x"
            + "00112233445566778899aabbccddeeff00112233;\n";

    @Test
    void writtenWithEncapAndReadBackToTheSameSas() {
        TestHost s = new TestHost();
        s.loadClean("add 192.0.2.10[4500] 198.51.100.20[4501] esp-udp 10.1.0.5 0x1000 -m transport" + KEYS
                + "add 2001:db8::1 2001:db8::2 esp-udp 0x2000 -m tunnel" + KEYS);
        String text = XfrmWriter.write(s.host.sad(), s.host.spd(), s.host.sysctl()).text();
        assertTrue(text.contains("ip xfrm state add src 192.0.2.10 dst 198.51.100.20 proto esp spi 0x00001000"
                + " mode transport extra-flag oseq-may-wrap enc cbc(aes) 0x00112233445566778899aabbccddeeff"
                + " auth-trunc hmac(sha1) 0x00112233445566778899aabbccddeeff00112233 96"
                + " encap espinudp 4500 4501 10.1.0.5\n"), text);
        assertTrue(text.contains(" encap espinudp 4500 4500 ::\n"), text);
        TestHost h = new TestHost();
        h.loadClean(text);
        assertEquals(s.sad(), h.sad());
    }

    @Test
    void otherEncapsulationsHaveNoSetkeyForm() {
        TestHost h = new TestHost();
        assertTrue(h.load("ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 enc 'cbc(aes)' 0x"
                + "00112233445566778899aabbccddeeff encap espintcp 4500 4500 0.0.0.0\n").failed());
        String e = h.diagnostics.get(0).format();
        assertTrue(e.startsWith("t.conf:1:122: encap espintcp has no setkey equivalent (esp-udp is espinudp)"), e);
        assertTrue(h.load("ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto ah spi 0x1000 auth-trunc 'hmac(sha1)'"
                + " 0x00112233445566778899aabbccddeeff00112233 96 encap espinudp 4500 4500 0.0.0.0\n").failed());
    }

    @Test
    void aStateListingWithEncapReadsAsEspUdp() {
        TestHost h = new TestHost();
        h.loadClean("src 192.0.2.10 dst 198.51.100.20\n"
                + "\tproto esp spi 0x00001000 reqid 0 mode transport\n"
                + "\treplay-window 0 \n"
                + "\tauth-trunc hmac(sha1) 0x00112233445566778899aabbccddeeff00112233 96\n"
                + "\tenc cbc(aes) 0x00112233445566778899aabbccddeeff\n"
                + "\tencap type espinudp sport 4500 dport 4501 addr 10.1.0.5\n"
                + "\tanti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000\n");
        TestHost s = new TestHost();
        s.loadClean("add 192.0.2.10[4500] 198.51.100.20[4501] esp-udp 10.1.0.5 0x1000 -m transport -f nocyclic-seq"
                + KEYS);
        assertEquals(s.sad(), h.sad());
    }

    @Test
    void aSetkeyDumpOfAnEspUdpSaReadsBack() {
        TestHost s = new TestHost();
        s.loadClean("add 192.0.2.10[4500] 198.51.100.20[4501] esp-udp 10.1.0.5 0x1000 -m transport" + KEYS);
        TestHost h = new TestHost();
        h.loadClean(s.sad());
        assertEquals(s.sad(), h.sad());
    }

    @Test
    void aFreeBsdNattSaReadsBackFromItsDumpAndIsANoteRatherThanHalfWrittenAsXfrm() {
        TestHost s = new TestHost();
        s.loadClean("add 10.0.0.1 10.0.0.2 esp 0x1000 -m transport -natt 192.168.1.5[4500] 10.0.0.2[4501]" + KEYS);
        assertTrue(s.sad().contains("\tNAT: OAI=192.168.1.5 OAR=10.0.0.2\n"), s.sad());
        TestHost h = new TestHost();
        h.loadClean(s.sad());
        assertEquals(s.sad(), h.sad());
        XfrmWriter.Result x = XfrmWriter.write(s.host.sad(), s.host.spd(), s.host.sysctl());
        assertFalse(x.text().contains("encap espinudp"), x.text());
        assertEquals(1, x.notes().size(), x.notes().toString());
        assertTrue(x.notes().get(0).message().contains("-natt's responder address and -natt_mtu have no ip xfrm"
                + " equivalent"), x.notes().toString());
    }
}
