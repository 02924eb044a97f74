package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void demoPingsThreeTimesAcrossWithTheTraceAndExitsZero() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--demo"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                false);
        String out = o.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out + e);
        assertTrue(out.contains("phoenix> ping -c 3 "), out);
        assertTrue(out.contains("3 packets transmitted, 3 received, 0% packet loss"), out);
        assertEquals(3, out.split("ESP\\(spi=0x00003d55,seq=0x", -1).length - 1, out);
        assertEquals(3, out.split("    inner: IP 198\\.51\\.100\\.20 > 192\\.0\\.2\\.10: ICMP echo reply", -1).length - 1,
                out);
    }
}
