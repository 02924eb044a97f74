package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpProtocolTest {
    @Test
    void numbersGiveTheirValuesBack() {
        for (IpProtocol p : IpProtocol.values()) {
            assertEquals(p, IpProtocol.of(p.number()));
        }
        assertNull(IpProtocol.of(132));
        assertNull(IpProtocol.of(-1));
        assertNull(IpProtocol.of(256));
    }

    @Test
    void setkeySpellsAnyIcmp6AndIp4ItsOwnWay() {
        assertEquals("any", IpProtocol.setkeyWord(255));
        assertEquals("icmp6", IpProtocol.setkeyWord(58));
        assertEquals("ip4", IpProtocol.setkeyWord(4));
        assertEquals("tcp", IpProtocol.TCP.setkeyWord());
        assertEquals("sctp", IpProtocol.setkeyWord(132));
        assertEquals("200", IpProtocol.setkeyWord(200));
        assertEquals(58, IpProtocol.byName("ipv6-icmp"));
        assertEquals("ipv6-icmp", IpProtocol.name(58));
    }

    @ParameterizedTest(name = "{0}: tcpdump {1}, script {2}")
    @CsvSource({"108, Compressed IP, ipcomp", "4, IPIP, ipip", "58, ICMPv6, icmp6", "132, unknown, 132",
            "47, GRE, 47"})
    void displayNamesFollowTcpdumpAndTheScriptApi(int number, String label, String scriptName) {
        assertEquals(label, IpProtocol.label(number));
        assertEquals(scriptName, IpProtocol.scriptName(number));
    }
}
