package org.jsetkey.engine.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TunConfigTest {
    @Test
    void theFlagNamesTheInterfaceTheHostsAddressAndTheNetworkBehind() {
        TunConfig t = TunConfig.parse("tun0=10.1.0.1/24");
        assertEquals("tun0", t.name());
        assertEquals("10.1.0.1", t.address().format());
        assertEquals(24, t.network().length());
        assertEquals("tun0=10.1.0.1/24", t.format());
    }

    @Test
    void badFlagsSayWhatWasExpected() {
        assertEquals("--tun: tun0 (expected: NAME=ADDR/LEN, e.g. tun0=10.1.0.1/24)",
                assertThrows(IllegalArgumentException.class, () -> TunConfig.parse("tun0")).getMessage());
        assertEquals("--tun tun0=10.1.0.1/33: prefix length \"33\" (expected: 0-32)",
                assertThrows(IllegalArgumentException.class, () -> TunConfig.parse("tun0=10.1.0.1/33")).getMessage());
        assertEquals("--tun tun0=ten/24: \"ten/24\" (expected: ADDR/LEN, the host's address and the network's "
                + "length, e.g. 10.1.0.1/24)",
                assertThrows(IllegalArgumentException.class, () -> TunConfig.parse("tun0=ten/24")).getMessage());
        assertEquals("interface name: \"a/b\" (expected: 1-15 letters, digits, '_', '.' or '-', e.g. tun0)",
                assertThrows(IllegalArgumentException.class, () -> TunConfig.parse("a/b=10.1.0.1/24")).getMessage());
    }
}
