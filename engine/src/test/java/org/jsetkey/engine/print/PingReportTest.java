package org.jsetkey.engine.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.junit.jupiter.api.Test;

class PingReportTest {
    @Test
    void reproducesTheIputilsLoopbackRun() {
        IpAddress lo = IpAddress.parse("127.0.0.1");
        assertEquals("PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.", PingReport.header("127.0.0.1", lo, 56));
        assertEquals("64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.027 ms",
                PingReport.reply(64, lo, "127.0.0.1", 1, 64, 27, false));
        assertEquals("\n--- 127.0.0.1 ping statistics ---\n"
                + "2 packets transmitted, 2 received, 0% packet loss, time 201ms\n"
                + "rtt min/avg/max/mdev = 0.027/0.032/0.037/0.005 ms\n",
                PingReport.summary("127.0.0.1", 2, 2, 0, 0, 201, List.of(27L, 37L), true));
    }

    @Test
    void totalLossEndsWithAnEmptyLine() {
        assertEquals("\n--- 10.0.0.2 ping statistics ---\n"
                + "3 packets transmitted, 0 received, 100% packet loss, time 2030ms\n\n",
                PingReport.summary("10.0.0.2", 3, 0, 0, 0, 2030, List.of(), true));
    }

    @Test
    void ipv6HeaderAndNamedTarget() {
        IpAddress v6 = IpAddress.parse("::1");
        assertEquals("PING ::1(::1) 56 data bytes", PingReport.header("::1", v6, 56));
        assertEquals("108 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=0.008 ms",
                PingReport.reply(108, IpAddress.parse("127.0.0.1"), "localhost", 1, 64, 8, false));
        assertEquals("PING localhost (127.0.0.1) 100(128) bytes of data.",
                PingReport.header("localhost", IpAddress.parse("127.0.0.1"), 100));
    }

    @Test
    void rttPrecisionShrinksAsTimesGrow() {
        assertEquals("0.027", PingReport.rtt(27));
        assertEquals("1.23", PingReport.rtt(1234));
        assertEquals("12.3", PingReport.rtt(12_345));
        assertEquals("123", PingReport.rtt(123_456));
    }

    @Test
    void lossLooksLikePrintfG() {
        assertEquals("0", PingReport.loss(3, 3));
        assertEquals("50", PingReport.loss(2, 1));
        assertEquals("33.3333", PingReport.loss(3, 2));
        assertEquals("66.6667", PingReport.loss(3, 1));
        assertEquals("100", PingReport.loss(3, 0));
    }

    @Test
    void duplicatesAndNoTimingVariants() {
        assertEquals("16 bytes from 10.0.0.2: icmp_seq=4 ttl=64 (DUP!)",
                PingReport.reply(16, IpAddress.parse("10.0.0.2"), null, 4, 64, -1, true));
        assertEquals("\n--- h ping statistics ---\n4 packets transmitted, 4 received, +1 duplicates, "
                + "0% packet loss, time 3003ms\n\n", PingReport.summary("h", 4, 4, 1, 0, 3003, List.of(5L), false));
    }

    @Test
    void floodSummaryEndsWithIpgAndEwma() {
        assertEquals("\n--- h ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 92ms\n"
                + "rtt min/avg/max/mdev = 0.024/0.032/0.040/0.006 ms, ipg/ewma 46.000/0.037 ms\n",
                PingReport.summary("h", 3, 3, 0, 0, 92, List.of(40L, 24L, 32L), true, true));
        assertEquals("\n--- h ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 92ms\n"
                + "ipg/ewma 46.000/0.000 ms\n", PingReport.summary("h", 3, 3, 0, 0, 92, List.of(), false, true));
        assertEquals("\n--- h ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n"
                + "rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms\n",
                PingReport.summary("h", 1, 1, 0, 0, 0, List.of(40L), true, true));
    }
}
