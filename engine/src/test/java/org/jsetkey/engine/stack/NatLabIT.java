package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.nat.NatRuleParser;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phoenix behind a port-translating NAT on the router, cardinal outside: the three cases every
 * IPsec learner meets (AH fails, plain ESP fails, ESP in UDP works), on three hosts in one JVM.
 */
class NatLabIT {
    static final IpAddress PHOENIX = IpAddress.parse("10.0.1.10");
    static final IpAddress ROUTER_OUT = IpAddress.parse("203.0.113.1");
    static final IpAddress CARDINAL = IpAddress.parse("198.51.100.20");
    private static final String KEYS = " -E aes-cbc 0x00112233445566778899aabbccddeeff"
            + " -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233;\n";

    private final Host phoenix = new Host("phoenix");
    private final Host router = new Host("router");
    private final Host cardinal = new Host("cardinal");
    private final RecordedEvents routerEvents = new RecordedEvents();
    private final RecordedEvents cardinalEvents = new RecordedEvents();
    private final List<byte[]> atCardinal = Collections.synchronizedList(new ArrayList<>());

    private static Prefix net(String text) {
        String[] p = text.split("/");
        return new Prefix(IpAddress.parse(p[0]), Integer.parseInt(p[1]));
    }

    @BeforeEach
    void wire() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        phoenix.addAddress(PHOENIX);
        router.addAddress(IpAddress.parse("10.0.1.1"));
        router.addAddress(ROUTER_OUT);
        cardinal.addAddress(CARDINAL);
        phoenix.listen(any);
        router.listen(any);
        cardinal.listen(any);
        phoenix.addPeer(new Peer(router.link().localAddress(), List.of(net("0.0.0.0/0"))));
        router.addPeer(new Peer(phoenix.link().localAddress(), List.of(net("10.0.1.0/24"))));
        router.addPeer(new Peer(cardinal.link().localAddress(), List.of(net("198.51.100.0/24"))));
        cardinal.addPeer(new Peer(router.link().localAddress(), List.of(net("203.0.113.0/24"))));
        router.sysctl().setInt(SysctlNames.IP_FORWARDING, 1);
        router.nat().add(NatRuleParser.parse("nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1"));
        router.events().subscribe(routerEvents);
        cardinal.events().subscribe(cardinalEvents);
        cardinal.onDelivered(d -> atCardinal.add(d.packet()));
    }

    @AfterEach
    void close() {
        phoenix.close();
        router.close();
        cardinal.close();
    }

    private PingResult ping() throws InterruptedException {
        return new Ping(phoenix, new PingOptions(CARDINAL, null, 2, 20, 56, 2000, null)).run(r -> { });
    }

    private static List<KeyEvent.Drop> drops(RecordedEvents events) {
        return events.stream().filter(e -> e instanceof KeyEvent.Drop).map(e -> (KeyEvent.Drop) e).toList();
    }

    /** Phoenix's and cardinal's policies for protocol {@code proto}, cardinal seeing phoenix as {@code seen}. */
    private void policies(String proto, IpAddress seen) {
        LabPair.load(phoenix, "spdadd 10.0.1.10 198.51.100.20 any -P out ipsec " + proto + "/transport//require;\n"
                + "spdadd 198.51.100.20 10.0.1.10 any -P in ipsec " + proto + "/transport//require;\n");
        LabPair.load(cardinal, "spdadd 198.51.100.20 " + seen + " any -P out ipsec " + proto + "/transport//require;\n"
                + "spdadd " + seen + " 198.51.100.20 any -P in ipsec " + proto + "/transport//require;\n");
    }

    @Test
    void natTraversalWorksAndCardinalSeesTheRoutersAddress() throws Exception {
        LabPair.load(phoenix, "add 10.0.1.10[4500] 198.51.100.20[4500] esp-udp 0x1000 -m transport" + KEYS
                + "add 198.51.100.20[4500] 10.0.1.10[4500] esp-udp 0x1001 -m transport" + KEYS);
        // as IKE would set them up: the peer is the NAT's outside address, its real address the NAT-OA
        LabPair.load(cardinal, "add 203.0.113.1[4500] 198.51.100.20[4500] esp-udp 10.0.1.10 0x1000 -m transport" + KEYS
                + "add 198.51.100.20[4500] 203.0.113.1[4500] esp-udp 0x1001 -m transport" + KEYS);
        policies("esp", ROUTER_OUT);
        PingResult r = ping();
        assertEquals(2, r.received(), r + " router drops " + drops(routerEvents) + " cardinal drops "
                + drops(cardinalEvents));
        assertEquals(ROUTER_OUT, IpPacket.source(atCardinal.get(0)), "the source cardinal sees");
        String table = router.nat().format(router.clock().millis());
        assertTrue(table.startsWith("nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1\n"
                + "all udp 203.0.113.1:50001 (10.0.1.10:4500) -> 198.51.100.20:4500\n"), table);
        assertTrue(table.contains(", 2:2 pkts"), table);
        assertEquals(1, cardinal.natt().portChangeCount(), "cardinal followed the port the NAT chose");
    }

    @Test
    void plainEspIsRefusedByThePortTranslatingNat() throws Exception {
        String sas = "add 10.0.1.10 198.51.100.20 esp 0x1000 -m transport" + KEYS
                + "add 198.51.100.20 10.0.1.10 esp 0x1001 -m transport" + KEYS;
        LabPair.load(phoenix, sas);
        LabPair.load(cardinal, sas);
        policies("esp", PHOENIX);
        assertEquals(0, ping().received());
        KeyEvent.Drop d = drops(routerEvents).get(0);
        assertEquals(DropReason.NAT_UNTRANSLATABLE, d.reason());
        assertEquals("nat: ESP has no ports to translate: a port-translating NAT cannot tell which inside host an"
                + " ESP reply is for; NAT traversal puts ESP in UDP 4500 (esp-udp, RFC 3948) (nat on lnk0 ->"
                + " 203.0.113.1, 10.0.1.10 > 198.51.100.20)", d.explanation());
        assertTrue(atCardinal.isEmpty());
        assertEquals(java.util.Map.of("ESP has no ports to translate", 2L), router.nat().refused());
        assertTrue(router.nat().format(router.clock().millis()).endsWith("refused 2: ESP has no ports to translate\n"));
    }

    @Test
    void ahFailsAtCardinalWithTheNatNamed() throws Exception {
        String sas = "add 10.0.1.10 198.51.100.20 ah 0x2000 -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233;\n"
                + "add 198.51.100.20 10.0.1.10 ah 0x2001 -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233;\n";
        LabPair.load(phoenix, sas);
        LabPair.load(cardinal, sas);
        policies("ah", PHOENIX);
        assertEquals(0, ping().received());
        KeyEvent.Drop d = drops(cardinalEvents).get(0);
        assertEquals(DropReason.AUTH_FAILED, d.reason());
        assertEquals("ICV mismatch on ah spi 8192 (0x00002000) from 203.0.113.1 to 198.51.100.20: the source address"
                + " changed on the way (the SA is from 10.0.1.10, the packet comes from 203.0.113.1): a NAT rewrote"
                + " it, and AH's ICV covers the source address, so AH cannot cross a NAT", d.explanation());
    }

    @Test
    void icmpEchoIdAndUdpPortsAreTranslatedAndExpire() throws Exception {
        assertEquals(2, ping().received(), "a plain ping through the NAT");
        byte[] seen = atCardinal.get(0);
        assertEquals(ROUTER_OUT, IpPacket.source(seen));
        assertEquals(50001, PacketView.u16(seen, 24), "the echo id the NAT chose");
        assertEquals(0, org.jsetkey.engine.net.InternetChecksum.compute(seen, 20, seen.length - 20),
                "the ICMP checksum still verifies");
        assertEquals(1, router.nat().mappings().size());
        assertEquals(0, router.nat().expire(router.clock().millis() + 19_000));
        assertEquals(1, router.nat().expire(router.clock().millis() + 21_000), "ICMP translations live 20 s");
    }
}
