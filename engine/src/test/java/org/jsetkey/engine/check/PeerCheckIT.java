package org.jsetkey.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.RecordingListener;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.stack.LabPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code peer check} between two hosts on a loopback link, loaded with the shipped phoenix and cardinal files. */
class PeerCheckIT {
    private static final Path SCRIPTS = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts");
    private final List<LinkPacket> wire = new CopyOnWriteArrayList<>();
    private LabPair lab;
    private Host phoenix;
    private Host cardinal;

    @BeforeEach
    void start() throws Exception {
        lab = new LabPair();
        phoenix = lab.phoenix;
        cardinal = lab.cardinal;
        PeerCheck.of(phoenix);
        PeerCheck.of(cardinal);
        phoenix.link().tap(wire::add);
        load(phoenix, Files.readString(SCRIPTS.resolve("phoenix/ipsec.conf")));
        load(cardinal, Files.readString(SCRIPTS.resolve("cardinal/ipsec.conf")));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private static void load(Host h, String text) {
        RecordingListener listener = new RecordingListener();
        boolean failed = new Setkey(h.sad(), h.spd(), 1).run(text, "test.conf", listener).failed();
        assertFalse(failed, listener.formatted().toString());
    }

    private PeerCheckResult check() throws InterruptedException {
        return PeerCheck.of(phoenix).check(phoenix.link().peers().get(0), 20000);
    }

    private static List<String> mismatches(PeerCheckResult r) {
        return r.findings().stream().filter(f -> !f.ok()).map(Finding::text).toList();
    }

    @Test
    void anotherControlSubscriberDoesNotStopPeerChecks() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable other = cardinal.onControl((from, payload) -> {
            seen.add(new String(payload, StandardCharsets.ISO_8859_1));
            return new String(payload, StandardCharsets.ISO_8859_1).startsWith("lab hello");
        });
        phoenix.onControl((from, payload) -> false);
        assertTrue(mismatches(check()).isEmpty(), "peer check with other subscribers");
        assertTrue(seen.isEmpty(), "the peer check's own messages stop at the peer check: " + seen);
        assertEquals(1, phoenix.link().sendControl(phoenix.link().peers().get(0),
                "lab hello".getBytes(StandardCharsets.ISO_8859_1)));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of("lab hello"), seen);
        other.close();
        assertTrue(mismatches(check()).isEmpty(), "peer check after a subscriber left");
    }

    @Test
    void theShippedPairMatchesEverywhereAndNoKeyCrossesTheLink() throws Exception {
        PeerCheckResult r = check();
        assertNull(r.problem());
        assertEquals("cardinal", r.peerName());
        assertEquals(List.of(), mismatches(r));
        assertTrue(r.ok());
        List<String> texts = r.findings().stream().map(Finding::text).toList();
        assertTrue(texts.contains("esp SPI 15701 for 192.0.2.10->198.51.100.20: phoenix sends, cardinal holds the"
                + " same SA (any -E blowfish-cbc, same keys)"), texts.toString());
        assertTrue(texts.contains("ah SPI 24500 for 198.51.100.20->192.0.2.10: cardinal sends, phoenix holds the"
                + " same SA (any -A hmac-md5, same keys)"), texts.toString());
        assertEquals(4, texts.stream().filter(t -> t.contains(" holds the same SA ")).count(), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("cardinal's policy 192.0.2.10->198.51.100.20 in requires"
                + " esp/transport//default ah/transport//default: phoenix's out policy applies")), texts.toString());
        for (LinkPacket p : wire) {
            assertTrue(p.control(), "only control packets crossed");
            String payload = new String(p.bytes(), StandardCharsets.ISO_8859_1);
            assertFalse(payload.contains("12345"), "no key on the wire: " + payload);
        }
        assertTrue(wire.stream().anyMatch(p -> p.direction() == LinkDirection.IN));
    }

    @Test
    void aWrongSpiIsNamedWithBothSpis() throws Exception {
        load(cardinal, "delete 192.0.2.10 198.51.100.20 esp 15701;\n"
                + "add 192.0.2.10 198.51.100.20 esp 15702 -E blowfish-cbc \"12345\";\n");
        PeerCheckResult r = check();
        assertEquals(List.of("cardinal expects esp SPI 15702 for 192.0.2.10->198.51.100.20; phoenix sends 15701"),
                mismatches(r));
        assertFalse(r.ok());
        String fix = r.findings().stream().filter(f -> !f.ok()).findFirst().orElseThrow().fix();
        assertTrue(fix.startsWith("use one SPI on both hosts: on cardinal `delete 192.0.2.10 198.51.100.20 esp 15702;`"),
                fix);
    }

    @Test
    void aWrongKeyIsNamedByItsFingerprints() throws Exception {
        load(cardinal, "delete 198.51.100.20 192.0.2.10 ah 24500;\n"
                + "add 198.51.100.20 192.0.2.10 ah 24500 -A hmac-md5 \"6543210987654321\";\n");
        List<String> m = mismatches(check());
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).matches("ah SPI 24500 for 198\\.51\\.100\\.20->192\\.0\\.2\\.10: authentication key differs"
                + " \\(fingerprints cardinal [0-9a-f]{24}, phoenix [0-9a-f]{24}\\)"), m.get(0));
    }

    @Test
    void aWrongAlgorithmIsNamedWithBothAlgorithms() throws Exception {
        load(cardinal, "delete 192.0.2.10 198.51.100.20 esp 15701;\n"
                + "add 192.0.2.10 198.51.100.20 esp 15701 -E 3des-cbc \"123456789012345678901234\";\n");
        assertEquals(List.of("esp SPI 15701 for 192.0.2.10->198.51.100.20: encryption algorithm: phoenix blowfish-cbc,"
                + " cardinal 3des-cbc"), mismatches(check()));
    }

    @Test
    void espUdpOnOneHostOnlyIsNamed() throws Exception {
        load(cardinal, "delete 192.0.2.10 198.51.100.20 esp 15701;\n"
                + "add 192.0.2.10[4500] 198.51.100.20[4500] esp-udp 15701 -E blowfish-cbc \"12345\";\n");
        PeerCheckResult r = check();
        assertEquals(List.of("esp SPI 15701 for 192.0.2.10->198.51.100.20: UDP encapsulation (NAT-T): phoenix plain esp,"
                + " cardinal esp-udp 4500>4500"), mismatches(r));
        assertTrue(r.findings().stream().anyMatch(f -> f.fix() != null && f.fix().contains("use esp-udp (with the"
                + " same ports) on both hosts or on neither: phoenix has `192.0.2.10 198.51.100.20 esp`, cardinal"
                + " `192.0.2.10[4500] 198.51.100.20[4500] esp-udp`")), r.findings().toString());
    }

    @Test
    void aMissingSaIsNamedWithTheSpiTheSenderUses() throws Exception {
        load(cardinal, "delete 192.0.2.10 198.51.100.20 ah 15700;\n");
        assertEquals(List.of("cardinal holds no ah SA for 192.0.2.10->198.51.100.20; phoenix sends SPI 15700"),
                mismatches(check()));
    }

    @Test
    void aPolicyThatNeedsAnSaThePeerLacksIsNamed() throws Exception {
        load(phoenix, "spdadd 2001:db8:2::20 2001:db8:1::10 any -P in ipsec esp/transport//require;\n");
        List<String> m = mismatches(check());
        assertTrue(m.contains("phoenix's policy 2001:db8:2::20->2001:db8:1::10 in needs an esp/transport SA"
                + " 2001:db8:2::20->2001:db8:1::10 (esp/transport//require); cardinal holds none to send with"),
                m.toString());
        assertTrue(m.contains("phoenix's policy 2001:db8:2::20->2001:db8:1::10 in requires esp/transport//require;"
                + " cardinal has no out policy for it"), m.toString());
        assertEquals(2, m.size(), m.toString());
    }

    @Test
    void aPeerThatNeverAnswersIsAProblemNotAMatch() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Peer p = new Peer((InetSocketAddress) silent.getLocalSocketAddress(),
                    List.of(Endpoints.parsePrefix("203.0.113.0/24")));
            phoenix.addPeer(p);
            PeerCheckResult r = PeerCheck.of(phoenix).check(p, 600);
            assertFalse(r.ok());
            assertTrue(r.problem().startsWith("no answer from 127.0.0.1:"), r.problem());
        }
    }

    @Test
    void aLargeSummaryCrossesInManyPartsEachWithinOneUnfragmentedPacket() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append("add 192.0.2.10 198.51.100.20 esp ").append(100000 + i)
                    .append(" -E aes-cbc 0x00112233445566778899aabbccddeeff -A hmac-sha1 \"01234567890123456789\";\n");
        }
        load(phoenix, sb.toString());
        load(cardinal, sb.toString());
        wire.clear();
        PeerCheckResult r = PeerCheck.of(phoenix).check(phoenix.link().peers().get(0), 20000);
        assertNull(r.problem());
        assertEquals(List.of(), mismatches(r));
        long parts = wire.stream().filter(p -> p.direction() == LinkDirection.IN).count();
        assertTrue(parts > 100, "parts: " + parts);
        assertTrue(wire.stream().allMatch(p -> p.length() <= 1280), "every packet within 1280 bytes");
    }

    @Test
    void aPeerWithTooManySasToSummariseRefusesWithAReason() throws Exception {
        PeerCheck.of(cardinal).maxItems = 5;
        PeerCheckResult r = check();
        assertFalse(r.ok());
        assertEquals("cardinal refused: 6 SAs and policies are too many to summarise (at most 5)", r.problem());
    }
}
