package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.XformStat;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IPComp tunnels between two jsetkey hosts, required both ways: a small ping leaves uncompressed as
 * plain IP-in-IP (RFC 3173 §2.2) and must be taken in as the tunnel's; a large one is compressed.
 */
class IpcompTunnelIT {
    private LabPair lab;

    @BeforeEach
    void start() throws Exception {
        lab = new LabPair();
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private void tunnels(String a, String b, String pa, String pb) {
        String sas = "add " + a + " " + b + " ipcomp 0x4001 -m tunnel -C deflate;\n"
                + "add " + b + " " + a + " ipcomp 0x4002 -m tunnel -C deflate;\n";
        LabPair.load(lab.phoenix, sas
                + "spdadd " + pa + " " + pb + " any -P out ipsec ipcomp/tunnel/" + a + "-" + b + "/require;\n"
                + "spdadd " + pb + " " + pa + " any -P in ipsec ipcomp/tunnel/" + b + "-" + a + "/require;\n");
        LabPair.load(lab.cardinal, sas
                + "spdadd " + pb + " " + pa + " any -P out ipsec ipcomp/tunnel/" + b + "-" + a + "/require;\n"
                + "spdadd " + pa + " " + pb + " any -P in ipsec ipcomp/tunnel/" + a + "-" + b + "/require;\n");
    }

    private int ping(org.jsetkey.engine.net.IpAddress to, int size) throws InterruptedException {
        return new Ping(lab.phoenix, new PingOptions(to, null, 2, 20, size, 2000, null, false)).run(r -> { })
                .received();
    }

    @Test
    void smallAndLargePingsCrossAnIpv4IpcompTunnel() throws Exception {
        tunnels("192.0.2.10", "198.51.100.20", "192.0.2.10", "198.51.100.20");
        String sad = lab.phoenix.sad().snapshot().toString();
        assertEquals(2, ping(LabPair.CARDINAL, 4), "ping -s 4 " + lab.drops(lab.cardinalEvents));
        assertEquals(2, ping(LabPair.CARDINAL, 1000), "ping -s 1000 " + lab.drops(lab.phoenixEvents));
        assertEquals(List.of(), lab.drops(lab.phoenixEvents));
        assertEquals(List.of(), lab.drops(lab.cardinalEvents));
        assertTrue(lab.cardinal.counters().get(SaType.IPCOMP, XformStat.INPUT) >= 2, "the 1000-byte pings came compressed");
        assertTrue(lab.phoenixTrace.stream().anyMatch(l -> l.contains("IP 192.0.2.10 > 198.51.100.20: IP 192.0.2.10 >")),
                String.join("\n", lab.phoenixTrace));
        assertEquals(sad, lab.phoenix.sad().snapshot().toString());
    }

    @Test
    void smallAndLargePingsCrossAnIpv6IpcompTunnel() throws Exception {
        tunnels("2001:db8:1::10", "2001:db8:2::20", "2001:db8:1::10", "2001:db8:2::20");
        assertEquals(2, ping(LabPair.CARDINAL6, 4), "ping6 -s 4 " + lab.drops(lab.cardinalEvents));
        assertEquals(2, ping(LabPair.CARDINAL6, 1000), "ping6 -s 1000 " + lab.drops(lab.phoenixEvents));
        assertEquals(List.of(), lab.drops(lab.phoenixEvents));
        assertEquals(List.of(), lab.drops(lab.cardinalEvents));
    }
}
