package org.jsetkey.engine.stack;

import static org.jsetkey.engine.stack.LabPair.CARDINAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.XformStat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One ESP packet damaged on the way, among good ones on the same SA, is told apart from keys that
 * differ; and {@code packets in} counts every ESP packet that arrived, before any check dropped it.
 */
class CorruptionDiagnosisIT {
    private static final String KEY = "0x" + "11".repeat(20);
    private final LabPair lab;

    CorruptionDiagnosisIT() throws Exception {
        lab = new LabPair();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private void load(String cardinalKeyOut) {
        String sas = "flush;\nspdflush;\n"
                + "add 192.0.2.10 198.51.100.20 esp 0x1001 -E aes-gcm-16 " + KEY + ";\n"
                + "add 198.51.100.20 192.0.2.10 esp 0x1002 -E aes-gcm-16 " + KEY + ";\n";
        LabPair.load(lab.phoenix, sas + "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;\n"
                + "spdadd 198.51.100.20 192.0.2.10 any -P in ipsec esp/transport//require;\n");
        LabPair.load(lab.cardinal, sas.replace("esp 0x1001 -E aes-gcm-16 " + KEY, "esp 0x1001 -E aes-gcm-16 "
                + cardinalKeyOut) + "spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//require;\n"
                + "spdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//require;\n");
    }

    @Test
    void oneBadIcvAmongGoodPacketsIsDamageInTransit() throws Exception {
        load(KEY);
        AtomicReference<byte[]> lastEsp = new AtomicReference<>();
        lab.phoenix.link().tap(p -> {
            if (p.direction() == LinkDirection.OUT && !p.control()) {
                lastEsp.set(p.bytes());
            }
        });
        assertEquals(3, lab.ping(lab.phoenix, CARDINAL, 3).received());
        byte[] damaged = lastEsp.get();
        assertNotNull(damaged);
        damaged[damaged.length - 30] ^= 0x04; // one bit of the ciphertext: the IP header checksum still holds
        lab.cardinal.receive(damaged);
        List<KeyEvent.Drop> drops = lab.drops(lab.cardinalEvents);
        assertEquals(1, drops.size(), drops.toString());
        assertEquals(DropReason.AUTH_FAILED, drops.get(0).reason());
        assertEquals("ICV mismatch on esp spi 4097 (0x00001001) from 192.0.2.10 to 198.51.100.20: damaged in transit"
                + " (3 packets on this SA passed, so the keys agree; a bit changed on the way)",
                drops.get(0).explanation());
        assertEquals(4, lab.cardinal.counters().get(SaType.ESP, XformStat.INPUT), "packets in: every one that arrived");
        assertEquals(1, lab.cardinal.counters().get(SaType.ESP, XformStat.BADAUTH));
    }

    @Test
    void everyPacketFailingOnAnSaIsAKeyMismatch() throws Exception {
        load("0x" + "22".repeat(20));
        assertEquals(0, lab.ping(lab.phoenix, CARDINAL, 2).received());
        List<KeyEvent.Drop> drops = lab.drops(lab.cardinalEvents);
        assertEquals(2, drops.size(), drops.toString());
        for (KeyEvent.Drop d : drops) {
            assertEquals("ICV mismatch on esp spi 4097 (0x00001001) from 192.0.2.10 to 198.51.100.20: the keys or algorithms"
                    + " differ between the hosts (this host uses aes-gcm-16 with a 20-byte key)", d.explanation());
        }
        assertEquals(2, lab.cardinal.counters().get(SaType.ESP, XformStat.INPUT),
                "packets in counts the two that failed, as FreeBSD's ipsec_common_input does");
        assertEquals(2, lab.cardinal.counters().get(SaType.ESP, XformStat.BADAUTH));
    }

    @Test
    void packetsInCountsAnUnknownSpiToo() throws Exception {
        load(KEY);
        LabPair.load(lab.cardinal, "delete 192.0.2.10 198.51.100.20 esp 0x1001;\n");
        assertEquals(0, lab.ping(lab.phoenix, CARDINAL, 1).received());
        assertEquals(1, lab.cardinal.counters().get(SaType.ESP, XformStat.INPUT));
        assertEquals(1, lab.cardinal.counters().get(SaType.ESP, XformStat.NOTDB));
        assertTrue(lab.drops(lab.cardinalEvents).get(0).explanation().startsWith("unknown esp SPI"));
    }
}
