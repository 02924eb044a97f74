package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InetAtonTest {
    /** What glibc 2.36's getaddrinfo(AI_NUMERICHOST) gave for each text ("ERR" when it refused it). */
    private static final String[][] GLIBC = {
        {"10.010.2", "10.8.0.2"}, {"10.000.2", "10.0.0.2"}, {"00.0.0.1", "0.0.0.1"}, {"127.1", "127.0.0.1"},
        {"0x7f.1", "127.0.0.1"}, {"10.8.0.256", "ERR"}, {"1.2.3.4.5", "ERR"}, {"08.1.1.1", "ERR"},
        {"0x.1.1.1", "ERR"}, {"10.65535", "10.0.255.255"}, {"10.65536", "10.1.0.0"},
        {"4294967295", "255.255.255.255"}, {"1.16777215", "1.255.255.255"}, {"1.2.65536", "ERR"},
        {"1.2.3.4x", "ERR"}, {"1..2", "ERR"}, {"0", "0.0.0.0"}, {"010", "0.0.0.8"}, {"00", "0.0.0.0"},
        {"1.2.3.", "ERR"}, {"0xffffffff", "255.255.255.255"}, {"012345678901", "ERR"},
    };

    @Test
    void readsWhatGlibcReadsAndRefusesWhatItRefuses() {
        for (String[] c : GLIBC) {
            IpAddress a = InetAton.parse(c[0]);
            assertEquals(c[1], a == null ? "ERR" : a.format(), c[0]);
        }
    }
}
