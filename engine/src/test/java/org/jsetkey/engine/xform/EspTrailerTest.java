package org.jsetkey.engine.xform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.junit.jupiter.api.Test;

/**
 * The ESP trailer on the wire (esp -E null, so it is readable): each packet's padding is what its
 * own SA asks for, whatever the packet sealed before it on the same thread had.
 */
class EspTrailerTest {
    private final Xform xform = new Xform();
    private final TestSa sad = new TestSa();

    /** ICMP of 8 + 3 bytes: 11 + 2 trailer bytes pad to 16, so 3 pad bytes. */
    private byte[] trailer(SaEntry sa) throws XformException {
        byte[] ping = Packets.zeroPing(Packets.V4_A, Packets.V4_B, 1, 3);
        byte[] sealed = xform.seal(ping, sa, SaMode.TRANSPORT, null, null);
        assertEquals(20 + 8 + 16, sealed.length);
        return Arrays.copyOfRange(sealed, sealed.length - 5, sealed.length);
    }

    private SaEntry nullEsp(long spi, int flags) {
        return sad.add("192.0.2.10", "198.51.100.20", SaType.ESP, spi, SaMode.TRANSPORT, 0, flags, "null", null,
                null, null, null);
    }

    @Test
    void eachPacketCarriesItsOwnSasPadding() throws XformException {
        SaEntry sequential = nullEsp(0x700, 0);
        SaEntry zero = nullEsp(0x701, Algorithms.FLAG_ZERO_PAD);
        byte[] icmp = {1};
        for (int round = 0; round < 2; round++) {
            assertArrayEquals(new byte[] {1, 2, 3, 3, icmp[0]}, trailer(sequential));
            assertArrayEquals(new byte[] {0, 0, 0, 3, icmp[0]}, trailer(zero));
        }
    }
}
