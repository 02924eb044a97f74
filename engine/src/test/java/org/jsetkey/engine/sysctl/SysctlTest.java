package org.jsetkey.engine.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class SysctlTest {
    private final Sysctl sysctl = new Sysctl();

    @Test
    void freeBsdDefaults() {
        assertEquals(1, sysctl.getInt(SysctlNames.IPSEC_DEF_POLICY));
        assertEquals(1, sysctl.getInt(SysctlNames.IPSEC6_AH_NET_DEFLEV));
        assertEquals(1, sysctl.getInt(SysctlNames.IPSEC_AH_CLEARTOS));
        assertEquals(576, sysctl.getInt(SysctlNames.IPSEC_MIN_PMTU));
        assertEquals(0x0fffffff, sysctl.getInt(SysctlNames.KEY_SPI_MAXVAL));
        assertEquals(256, sysctl.getInt(SysctlNames.KEY_SPI_MINVAL));
        assertEquals(0, sysctl.getInt(SysctlNames.IP_FORWARDING));
        assertEquals("hw+sw", sysctl.format(SysctlNames.IPSEC_CRYPTO_SUPPORT));
        assertTrue(sysctl.knob(SysctlNames.IPSEC_CRYPTO_SUPPORT).orElseThrow().readOnly());
    }

    @Test
    void everyBriefedKnobIsRegistered() {
        for (String name : List.of("net.inet.ipsec.def_policy", "net.inet.ipsec.esp_net_deflev",
                "net.inet.ipsec.ah_offsetmask", "net.inet.ipsec.natt_cksum_policy", "net.inet6.ipsec6.ecn",
                "net.inet6.ipsec6.filtertunnel", "net.inet.esp.esp_enable", "net.inet.ah.ah_enable",
                "net.inet.ipcomp.ipcomp_enable", "net.key.larval_lifetime", "net.key.preferred_oldsa",
                "net.inet6.ip6.forwarding")) {
            assertTrue(sysctl.knob(name).isPresent(), name);
        }
    }

    @Test
    void setReturnsOldValueAndRejectsOutOfRange() {
        assertEquals(0, sysctl.setInt(SysctlNames.IPSEC_DFBIT, 2));
        SysctlRefusal r = assertThrows(SysctlRefusal.class, () -> sysctl.setInt(SysctlNames.IPSEC_DFBIT, 3));
        assertEquals(SysctlRefusal.Kind.INVALID_ARGUMENT, r.kind());
        assertEquals(2, sysctl.getInt(SysctlNames.IPSEC_DFBIT));
        assertThrows(SysctlRefusal.class, () -> sysctl.setInt(SysctlNames.IPSEC_ECN, -2));
        assertThrows(SysctlRefusal.class, () -> sysctl.setInt(SysctlNames.IPSEC_DEBUG, 2));
        assertEquals(1, sysctl.setInt(SysctlNames.IPSEC_ECN, 1) + 1);
    }

    @Test
    void unknownNodeAndReadOnlyAreRefusedByKind() {
        assertEquals(SysctlRefusal.Kind.UNKNOWN,
                assertThrows(SysctlRefusal.class, () -> sysctl.setInt("net.nope", 1)).kind());
        assertEquals(SysctlRefusal.Kind.NOT_A_LEAF,
                assertThrows(SysctlRefusal.class, () -> sysctl.getInt("net.inet")).kind());
        assertEquals(SysctlRefusal.Kind.READ_ONLY,
                assertThrows(SysctlRefusal.class, () -> sysctl.setInt(SysctlNames.IPSEC_CRYPTO_SUPPORT, 1)).kind());
    }

    @Test
    void ipv6DefaultPolicySharesTheIpv4Value() {
        sysctl.setInt(SysctlNames.IPSEC6_DEF_POLICY, 0);
        assertEquals(0, sysctl.getInt(SysctlNames.IPSEC_DEF_POLICY));
        sysctl.setInt(SysctlNames.IPSEC_DEF_POLICY, 1);
        assertEquals(1, sysctl.getInt(SysctlNames.IPSEC6_DEF_POLICY));
    }

    @Test
    void resetRestoresDefaults() {
        sysctl.setInt(SysctlNames.IPSEC_ESP_TRANS_DEFLEV, 2);
        sysctl.reset();
        assertEquals(1, sysctl.getInt(SysctlNames.IPSEC_ESP_TRANS_DEFLEV));
    }

    @Test
    void nodesAndLeaves() {
        assertTrue(sysctl.isNode("net"));
        assertTrue(sysctl.isNode("net.inet6.ipsec6"));
        assertFalse(sysctl.isNode("net.inet.ipsec.debug"));
        assertEquals(9, sysctl.below("net.inet6").size());
        assertEquals("IPsec", sysctl.nodeDescription("net.inet.ipsec"));
    }

    @Test
    void rejectsDuplicateKnobsAndBadDefaults() {
        Knob k = Knob.bool("a.b", 0, "x");
        assertThrows(IllegalArgumentException.class, () -> new Sysctl(List.of(k, k), Map.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Knob.integer("a.b", 5, 0, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> Knob.bool("a..b", 0, "x"));
    }

    @Test
    void concurrentReadersSeeOnlyValidValues() throws InterruptedException {
        AtomicBoolean bad = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread r = new Thread(() -> {
                while (done.getCount() > 0) {
                    int v = sysctl.getInt(SysctlNames.IPSEC_DFBIT);
                    if (v < 0 || v > 2) {
                        bad.set(true);
                    }
                }
            });
            r.start();
            readers.add(r);
        }
        for (int i = 0; i < 20_000; i++) {
            sysctl.setInt(SysctlNames.IPSEC_DFBIT, i % 3);
        }
        done.countDown();
        for (Thread r : readers) {
            r.join();
        }
        assertFalse(bad.get());
    }

    /** The datapath's readers follow every set and reset, whichever name (or alias) set the knob. */
    @Test
    void aReaderSeesEverySetAndReset() {
        Sysctl sysctl = new Sysctl();
        java.util.function.IntSupplier dfbit = sysctl.reader(SysctlNames.IPSEC_DFBIT);
        int before = dfbit.getAsInt();
        assertEquals(sysctl.getInt(SysctlNames.IPSEC_DFBIT), before);
        sysctl.setInt(SysctlNames.IPSEC_DFBIT, before == 2 ? 1 : 2);
        assertEquals(before == 2 ? 1 : 2, dfbit.getAsInt());
        assertEquals(before == 2 ? 1 : 2, dfbit.getAsInt(), "read again without a change");
        sysctl.reset();
        assertEquals(before, dfbit.getAsInt());
        assertThrows(SysctlRefusal.class, () -> sysctl.reader("net.inet.ipsec.nonesuch"));
    }
}
