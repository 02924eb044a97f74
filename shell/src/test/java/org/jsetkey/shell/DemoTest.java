package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void demoPingsThreeTimesAcrossWithTheTraceAndExitsZero() {
        InProcessRun r = InProcessRun.of("", "--demo");
        String out = r.out();
        assertEquals(0, r.status(), out + r.err());
        assertTrue(out.contains("phoenix> ping -c 3 "), out);
        assertTrue(out.contains("3 packets transmitted, 3 received, 0% packet loss"), out);
        assertEquals(3, out.split("ESP\\(spi=0x00003d55,seq=0x", -1).length - 1, out);
        assertEquals(3, out.split("    inner: IP 198\\.51\\.100\\.20 > 192\\.0\\.2\\.10: ICMP echo reply", -1).length - 1,
                out);
    }
}
