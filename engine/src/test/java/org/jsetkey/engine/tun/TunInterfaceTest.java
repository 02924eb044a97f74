package org.jsetkey.engine.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Ipv4Header;
import org.junit.jupiter.api.Test;

/** What the reader thread does with each read, without a device: valid packets go on, the rest is counted. */
class TunInterfaceTest {
    private final TunInterface tun = new TunInterface(TunConfig.parse("tun0=10.1.0.1/24"), null);
    private final List<byte[]> received = new ArrayList<>();

    private static byte[] packet() {
        byte[] head = Ipv4Header.of(IpAddress.parse("10.1.0.2"), IpAddress.parse("10.2.0.2"),
                IpProtocol.UDP.number(), 8, 7, 64).encode();
        return java.util.Arrays.copyOf(head, head.length + 8);
    }

    @Test
    void readsThatAreNotOneWholeIpPacketAreDroppedAndCounted() {
        tun.onReceive(received::add);
        byte[] good = packet();
        byte[] badChecksum = good.clone();
        badChecksum[10] ^= 1;
        byte[] longer = good.clone();
        longer[3] += 4; // total length beyond the read
        for (byte[] bad : List.of(new byte[0], new byte[] {0x45}, new byte[] {0x60, 0, 0}, badChecksum, longer,
                new byte[] {0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})) {
            tun.handle(bad);
        }
        tun.handle(good);
        assertEquals(6, tun.malformed());
        assertEquals(1, tun.packetsIn());
        assertEquals(1, received.size());
    }

    @Test
    void aReceiverThatThrowsIsCountedAndTheNextPacketStillArrives() {
        List<byte[]> after = new ArrayList<>();
        tun.onReceive(p -> {
            if (after.isEmpty() && received.isEmpty()) {
                received.add(p);
                throw new IllegalStateException("a bug in the input path");
            }
            after.add(p);
        });
        tun.handle(packet());
        tun.handle(packet());
        assertEquals(1, tun.handlerFailures());
        assertEquals(1, after.size());
    }
}
