package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsetkey.engine.setkey.Diagnostic;
import org.junit.jupiter.api.Test;

/** A configuration file with ip xfrm or sysctl lines: keys masked, errors bounded, nothing changed. */
class HostileConfigTest {
    private static final String XFRM = "ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000"
            + " enc cbc(aez) 0x00112233445566778899aabbccddeeff";

    @Test
    void anIpXfrmLineEchoesItsKeysMasked() {
        TestHost h = new TestHost();
        String before = h.state();
        assertTrue(h.load(XFRM + "\n").failed());
        assertEquals(List.of("t.conf:1:70: algorithm cbc(aez) has no setkey equivalent here (expected: cbc(des),"
                + " cbc(des3_ede), ecb(cipher_null), cbc(blowfish), cbc(cast5), cbc(aes), rfc3686(ctr(aes)),"
                + " cbc(twofish), cbc(camellia))\n"
                + "…e add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 enc cbc(aez) 0x********************************\n"
                + " ".repeat(58) + "^~~~~~~~"), h.formatted());
        assertEquals(before, h.state());
    }

    @Test
    void aRefusedIpXfrmLineEchoesItsKeysMaskedToo() {
        TestHost h = new TestHost();
        String add = "ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x1000 enc cbc(aes)"
                + " 0x00112233445566778899aabbccddeeff\n";
        h.loadClean(add);
        String before = h.state();
        assertTrue(h.load(add).failed());
        String shown = h.formatted().get(0);
        assertTrue(shown.startsWith("t.conf:1:1: File exists: an SA with "), shown);
        assertTrue(shown.contains(" enc cbc(aes) 0x********************…\n"), shown);
        assertEquals(before, h.state());
    }

    @Test
    void aFileOfBadLinesStopsAfterTwentyErrors() {
        TestHost h = new TestHost();
        String before = h.state();
        String text = ("sysctl net.inet.ipsec.dfbit=7\n" + XFRM + "\nbogus;\n").repeat(1000);
        assertTrue(h.load(text).failed());
        assertEquals(21, h.diagnostics.size());
        assertEquals("t.conf: too many errors; stopping", h.diagnostics.get(20).format());
        assertTrue(h.diagnostics.subList(0, 20).stream().allMatch(d -> d.severity() == Diagnostic.Severity.ERROR
                && d.pos().line() <= 20), h.formatted().toString());
        assertEquals(before, h.state());
    }
}
