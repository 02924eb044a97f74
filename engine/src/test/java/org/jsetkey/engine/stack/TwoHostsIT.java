package org.jsetkey.engine.stack;

import static org.jsetkey.engine.stack.LabPair.CARDINAL;
import static org.jsetkey.engine.stack.LabPair.CARDINAL6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.IpsecStat;
import org.jsetkey.engine.stats.XformStat;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.tool.Inspector;
import org.jsetkey.engine.tool.PingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The FreeBSD phoenix/cardinal test with two hosts in one JVM on a loopback UDP link. */
class TwoHostsIT {
    private final LabPair lab;

    TwoHostsIT() throws Exception {
        lab = new LabPair();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void howtoPingsCrossAsAhOverEsp() throws Exception {
        lab.howto("default");
        PingResult r = lab.ping(lab.phoenix, CARDINAL, 3);
        assertEquals(3, r.transmitted());
        assertEquals(3, r.received());
        List<String> trace = new ArrayList<>(lab.phoenixTrace);
        assertEquals(6, trace.size(), trace.toString());
        // on a loaded machine a reply may be traced after the next request: compare each direction in order
        List<String> requests = trace.stream().filter(l -> l.startsWith("IP 192.0.2.10 > ")).toList();
        List<String> replies = trace.stream().filter(l -> l.startsWith("IP 198.51.100.20 > ")).toList();
        assertEquals(3, requests.size(), trace.toString());
        assertEquals(3, replies.size(), trace.toString());
        for (int i = 0; i < 3; i++) {
            String req = requests.get(i);
            String rep = replies.get(i);
            assertTrue(req.matches("IP 192\\.0\\.2\\.10 > 198\\.51\\.100\\.20: AH\\(spi=0x00003d54,seq=0x" + (i + 1)
                    + ",icv=0x[0-9a-f]{24}\\): ESP\\(spi=0x00003d55,seq=0x" + (i + 1) + "\\), length 88"), req);
            assertTrue(rep.matches("IP 198\\.51\\.100\\.20 > 192\\.0\\.2\\.10: AH\\(spi=0x00005fb4,seq=0x" + (i + 1)
                    + ",icv=0x[0-9a-f]{24}\\): ESP\\(spi=0x00005fb5,seq=0x" + (i + 1) + "\\), length 88"), rep);
        }
        assertEquals(3, lab.phoenix.counters().get(SaType.ESP, XformStat.OUTPUT));
        assertEquals(3, lab.phoenix.counters().get(SaType.AH, XformStat.INPUT));
        assertEquals(3, lab.phoenix.counters().get(false, IpsecStat.OUT_BUNDLESA));
        assertEquals(3, lab.phoenix.counters().histogram(SaType.ESP, 7));
    }

    @Test
    void levelUseWithoutSasSendsInTheClear() throws Exception {
        lab.howto("default");
        lab.phoenix.sad().flush(null);
        lab.cardinal.sad().flush(null);
        PingResult r = lab.ping(lab.phoenix, CARDINAL, 2);
        assertEquals(2, r.received());
        assertTrue(lab.phoenixTrace.get(0).startsWith("IP 192.0.2.10 > 198.51.100.20: ICMP echo request"),
                lab.phoenixTrace.toString());
    }

    @Test
    void levelRequireWithoutSasDropsCountsAndAcquires() throws Exception {
        lab.howto("default");
        lab.phoenix.sad().flush(null);
        lab.cardinal.sad().flush(null);
        lab.phoenix.sysctl().setInt(SysctlNames.IPSEC_ESP_TRANS_DEFLEV, 2);
        PingResult r = lab.ping(lab.phoenix, CARDINAL, 3);
        assertEquals(0, r.received());
        assertTrue(lab.phoenixTrace.isEmpty(), lab.phoenixTrace.toString());
        assertEquals(3, lab.phoenix.counters().get(false, IpsecStat.OUT_NOSA));
        long acquires = lab.phoenixEvents.stream().filter(e -> e instanceof KeyEvent.Acquire).count();
        assertEquals(1, acquires, "ACQUIRE is raised once, then blocked (blockacq)");
        KeyEvent.Acquire a = (KeyEvent.Acquire) lab.phoenixEvents.stream()
                .filter(e -> e instanceof KeyEvent.Acquire).findFirst().get();
        assertEquals(CARDINAL, a.dst());
        assertEquals(SaType.ESP, a.rule().proto());
    }

    @Test
    void wrongSpiIsDiagnosedByTheReceiver() throws Exception {
        lab.howto("default");
        lab.cardinal.sad().delete(new org.jsetkey.engine.sad.SaId(CARDINAL, SaType.ESP, 15701));
        LabPair.load(lab.cardinal, "add 192.0.2.10 198.51.100.20 esp 15702 -E blowfish-cbc \"12345\";");
        PingResult r = lab.ping(lab.phoenix, CARDINAL, 2);
        assertEquals(0, r.received());
        List<KeyEvent.Drop> drops = lab.drops(lab.cardinalEvents);
        assertEquals(2, drops.size(), drops.toString());
        String why = drops.get(0).explanation();
        assertTrue(why.contains("unknown esp SPI 15701 (0x00003d55)"), why);
        assertTrue(why.contains("15702 (0x00003d56)"), why);
        assertTrue(why.contains("both hosts must use the same SPI for each direction"), why);
        assertEquals(2, lab.cardinal.counters().get(SaType.ESP, XformStat.NOTDB));
    }

    @Test
    void wrongKeyIsAnAuthenticationFailure() throws Exception {
        lab.howto("default");
        lab.cardinal.sad().delete(new org.jsetkey.engine.sad.SaId(CARDINAL, SaType.AH, 15700));
        LabPair.load(lab.cardinal, "add 192.0.2.10 198.51.100.20 ah 15700 -A hmac-md5 \"6543210987654321\";");
        assertEquals(0, lab.ping(lab.phoenix, CARDINAL, 1).received());
        assertEquals(1, lab.cardinal.counters().get(SaType.AH, XformStat.BADAUTH));
        String why = lab.drops(lab.cardinalEvents).get(0).explanation();
        assertTrue(why.startsWith("ICV mismatch on ah spi 15700"), why);
    }

    @Test
    void aWrongEspKeyIsExplainedWithTheHintOnce() throws Exception {
        lab.howto("default");
        lab.cardinal.sad().delete(new org.jsetkey.engine.sad.SaId(CARDINAL, SaType.ESP, 15701));
        LabPair.load(lab.cardinal, "add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"54321\";");
        assertEquals(0, lab.ping(lab.phoenix, CARDINAL, 3).received());
        KeyEvent.Drop padding = lab.drops(lab.cardinalEvents).stream()
                .filter(d -> d.reason() == org.jsetkey.engine.stats.DropReason.BAD_PADDING).findFirst().orElseThrow();
        String why = padding.explanation() + " " + String.join(" ", padding.details());
        assertTrue(why.startsWith("bad padding on esp spi 15701"), why);
        assertEquals(1, why.split("differs between the hosts", -1).length - 1, why);
    }

    @Test
    void aWrongEspAuthKeyIsExplainedWithTheHintOnce() throws Exception {
        lab.howto("default");
        lab.phoenix.sad().delete(new org.jsetkey.engine.sad.SaId(CARDINAL, SaType.ESP, 15701));
        lab.cardinal.sad().delete(new org.jsetkey.engine.sad.SaId(CARDINAL, SaType.ESP, 15701));
        LabPair.load(lab.phoenix, "add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"12345\""
                + " -A hmac-sha1 \"01234567890123456789\";");
        LabPair.load(lab.cardinal, "add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"12345\""
                + " -A hmac-sha1 \"0123456789012345678X\";");
        assertEquals(0, lab.ping(lab.phoenix, CARDINAL, 1).received());
        KeyEvent.Drop icv = lab.drops(lab.cardinalEvents).get(0);
        String icvWhy = icv.explanation() + " " + String.join(" ", icv.details());
        assertTrue(icvWhy.startsWith("ICV mismatch on esp spi 15701"), icvWhy);
        assertEquals(1, icvWhy.split("differ", -1).length - 1, icvWhy);
    }

    @Test
    void replayedPacketIsDroppedAsReplay() throws Exception {
        lab.howto("require");
        LabPair.load(lab.phoenix, "flush; add 192.0.2.10 198.51.100.20 esp 0x1000 -r 4 -E aes-cbc "
                + "0x00112233445566778899aabbccddeeff -A hmac-sha1 \"01234567890123456789\";"
                + "add 198.51.100.20 192.0.2.10 esp 0x2000 -r 4 -E aes-cbc 0x00112233445566778899aabbccddeeff "
                + "-A hmac-sha1 \"01234567890123456789\";"
                + "spdflush; spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;");
        LabPair.load(lab.cardinal, "flush; add 192.0.2.10 198.51.100.20 esp 0x1000 -r 4 -E aes-cbc "
                + "0x00112233445566778899aabbccddeeff -A hmac-sha1 \"01234567890123456789\";"
                + "add 198.51.100.20 192.0.2.10 esp 0x2000 -r 4 -E aes-cbc 0x00112233445566778899aabbccddeeff "
                + "-A hmac-sha1 \"01234567890123456789\";"
                + "spdflush; spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//require;");
        List<byte[]> wire = new java.util.concurrent.CopyOnWriteArrayList<>();
        lab.cardinal.link().tap(p -> {
            if (p.direction() == org.jsetkey.engine.link.LinkDirection.IN && !p.control()) {
                wire.add(p.bytes());
            }
        });
        assertEquals(1, lab.ping(lab.phoenix, CARDINAL, 1).received());
        lab.cardinal.receive(wire.get(0));
        assertEquals(1, lab.cardinal.counters().get(SaType.ESP, XformStat.REPLAY));
        assertEquals(DropReason.REPLAY, lab.drops(lab.cardinalEvents).get(0).reason());
    }

    @Test
    void ipv6PingsAreProtectedToo() throws Exception {
        String sas = "add 2001:db8:1::10 2001:db8:2::20 esp 0x3001 -E aes-gcm-16 "
                + "0x000102030405060708090a0b0c0d0e0fcafebabe;\n"
                + "add 2001:db8:2::20 2001:db8:1::10 esp 0x3002 -E aes-gcm-16 "
                + "0x101112131415161718191a1b1c1d1e1fdeadbeef;\n";
        LabPair.load(lab.phoenix, sas + "spdadd 2001:db8:1::10 2001:db8:2::20 any -P out ipsec esp/transport//require;"
                + "spdadd 2001:db8:2::20 2001:db8:1::10 any -P in ipsec esp/transport//require;");
        LabPair.load(lab.cardinal, sas + "spdadd 2001:db8:2::20 2001:db8:1::10 any -P out ipsec esp/transport//require;"
                + "spdadd 2001:db8:1::10 2001:db8:2::20 any -P in ipsec esp/transport//require;");
        assertEquals(2, lab.ping(lab.phoenix, CARDINAL6, 2).received());
        assertTrue(lab.phoenixTrace.get(0).startsWith("IP6 2001:db8:1::10 > 2001:db8:2::20: ESP(spi=0x00003001,seq=0x1)"),
                lab.phoenixTrace.toString());
    }

    @Test
    void inboundPolicyRejectsCleartextWhenProtectionIsRequired() throws Exception {
        LabPair.load(lab.cardinal, "spdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//require;");
        assertEquals(0, lab.ping(lab.phoenix, CARDINAL, 1).received());
        assertEquals(1, lab.cardinal.counters().get(false, IpsecStat.IN_POLVIO));
        String why = lab.drops(lab.cardinalEvents).get(0).explanation();
        assertTrue(why.contains("lacks esp/transport//require"), why);
        assertTrue(why.contains("no IPsec protection"), why);
    }

    @Test
    void inspectorShowsTheDecryptedInnerPacketWithoutTouchingLiveState() throws Exception {
        lab.howto("default");
        List<byte[]> wire = new java.util.concurrent.CopyOnWriteArrayList<>();
        lab.phoenix.link().tap(p -> {
            if (!p.control()) {
                wire.add(p.bytes());
            }
        });
        assertEquals(1, lab.ping(lab.phoenix, CARDINAL, 1).received());
        Inspector inspector = new Inspector(lab.phoenix);
        for (int i = 0; i < 2; i++) {
            Inspector.Inspection request = inspector.inspect(wire.get(0));
            assertEquals(null, request.failure());
            assertEquals(2, request.layers().size());
            assertEquals(SaType.AH, request.layers().get(0).type());
            assertEquals(SaType.ESP, request.layers().get(1).type());
            String inner = new org.jsetkey.engine.print.TcpdumpFormatter(false, java.time.ZoneOffset.UTC)
                    .format(request.inner());
            assertTrue(inner.startsWith("IP 192.0.2.10 > 198.51.100.20: ICMP echo request"), inner);
        }
        assertEquals(1, lab.ping(lab.phoenix, CARDINAL, 1).received(), "live replay windows untouched");
    }

    @Test
    void anSaWithoutPacketTransformDropsWithItsOwnCounter() throws Exception {
        LabPair.load(lab.phoenix, "add 192.0.2.10 198.51.100.20 ipcomp 0x5000 -C lzs -R;"
                + "add 192.0.2.10 198.51.100.20 tcp 0x1000 -A tcp-md5 \"secret\";"
                + "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec ipcomp/transport//require;");
        assertEquals(0, lab.ping(lab.phoenix, CARDINAL, 1).received());
        assertEquals(1, lab.phoenix.counters().get(SaType.IPCOMP, XformStat.NOXFORM));
        String why = lab.drops(lab.phoenixEvents).get(0).explanation();
        assertTrue(why.contains("no transform for lzs"), why);
        assertEquals(2, lab.phoenix.sad().size(), "tcp-md5 and lzs SAs are stored");
    }

    @Test
    void mutatedAndTruncatedPacketsAreDroppedAndCountedNeverThrown() throws Exception {
        lab.howto("default");
        List<byte[]> wire = new java.util.concurrent.CopyOnWriteArrayList<>();
        lab.cardinal.link().tap(p -> {
            if (p.direction() == org.jsetkey.engine.link.LinkDirection.IN && !p.control()) {
                wire.add(p.bytes());
            }
        });
        assertEquals(2, lab.ping(lab.phoenix, CARDINAL, 2).received());
        java.util.Random random = new java.util.Random(20261129);
        // count only what this thread's receive() calls raise, not what the link thread may still be doing
        Thread fuzzer = Thread.currentThread();
        java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();
        lab.cardinal.onDelivered(d -> {
            if (Thread.currentThread() == fuzzer) {
                delivered.incrementAndGet();
            }
        });
        java.util.Map<String, Integer> drops = new java.util.TreeMap<>();
        lab.cardinal.events().subscribe(e -> {
            if (e instanceof KeyEvent.Drop d && Thread.currentThread() == fuzzer) {
                drops.merge(d.reason().name(), 1, Integer::sum);
            }
        });
        int fed = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] p = wire.get(random.nextInt(wire.size())).clone();
            int kind = random.nextInt(3);
            if (kind == 0) {
                p = java.util.Arrays.copyOf(p, random.nextInt(p.length));
            } else if (kind == 1) {
                p[20 + random.nextInt(p.length - 20)] ^= (byte) (1 << random.nextInt(8));
            } else {
                random.nextBytes(p);
                p[0] = (byte) (random.nextBoolean() ? 0x45 : 0x60);
            }
            lab.cardinal.receive(p);
            fed++;
        }
        int dropped = drops.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(fed, dropped + delivered.get(), () -> "every packet is either delivered or one counted drop: "
                + drops + ", delivered " + delivered.get());
        assertEquals(0, delivered.get(), "replays and forgeries never get through");
        assertEquals(2, lab.ping(lab.phoenix, CARDINAL, 2).received(), "the host still works");
    }
}
