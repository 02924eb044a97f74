package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.UdpHeader;
import org.junit.jupiter.api.Test;

/**
 * The datapath reads every packet into buffers it reuses: the link's receive buffer and the
 * input path's packets for the opened layers. What a capture or a listener keeps is a copy, so
 * the next packet through the same buffers does not change it.
 */
class PacketBufferReuseTest {
    private static byte[] udp(int length, int fill) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) fill);
        byte[] u = UdpHeader.build(LabPair.PHOENIX, LabPair.CARDINAL, 5000, 6000, data);
        return IpPacket.build(LabPair.PHOENIX, LabPair.CARDINAL, IpProtocol.UDP.number(), u, 7, 64);
    }

    @Test
    void capturesAndKeptDeliveriesSurviveTheNextPacketInTheSameBuffers() throws Exception {
        try (LabPair lab = new LabPair()) {
            lab.howto("require");
            List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
            List<LinkPacket> captured = Collections.synchronizedList(new ArrayList<>());
            List<Delivered> kept = Collections.synchronizedList(new ArrayList<>());
            List<Packet> views = Collections.synchronizedList(new ArrayList<>());
            List<byte[]> seenDuringCall = Collections.synchronizedList(new ArrayList<>());
            List<Delivered> deliveries = Collections.synchronizedList(new ArrayList<>());
            List<List<Protection>> layersDuringCall = Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.Semaphore arrived = new java.util.concurrent.Semaphore(0);
            lab.phoenix.link().tap(p -> {
                if (!p.control() && p.direction() == LinkDirection.OUT) {
                    sent.add(p.bytes());
                }
            });
            lab.cardinal.link().tap(p -> {
                if (!p.control() && p.direction() == LinkDirection.IN) {
                    captured.add(p);
                }
            });
            lab.cardinal.onDelivered(d -> {
                seenDuringCall.add(d.packet());
                deliveries.add(d);
                layersDuringCall.add(d.protections());
                views.add(d.view());
                kept.add(d.keep());
                arrived.release();
            });
            byte[] first = udp(600, 0xaa);
            byte[] second = udp(900, 0xbb);
            assertTrue(lab.phoenix.send(first));
            assertTrue(arrived.tryAcquire(1, 10, TimeUnit.SECONDS), "the first packet arrives");
            assertTrue(lab.phoenix.send(second));
            assertTrue(arrived.tryAcquire(1, 10, TimeUnit.SECONDS), "the second packet arrives");

            // both went through the same packet value of the input path: its buffer was reused
            assertSame(views.get(0), views.get(1));
            assertArrayEquals(second, views.get(0).toByteArray(), "the reused buffer now holds the second packet");
            // what was kept is still the first packet, exactly as it was delivered
            assertArrayEquals(first, kept.get(0).packet());
            assertArrayEquals(first, seenDuringCall.get(0));
            assertArrayEquals(second, kept.get(1).packet());
            assertNotNull(kept.get(0).protections());
            assertEquals(2, kept.get(0).protections().size(), "AH and ESP were removed");
            // the delivery itself is the input path's, filled again by the second packet; the
            // layers read during each call are values of their own, with each packet's sequence
            assertSame(deliveries.get(0), deliveries.get(1));
            assertEquals(layersDuringCall.get(0), kept.get(0).protections());
            assertEquals(layersDuringCall.get(1), kept.get(1).protections());
            for (int layer = 0; layer < 2; layer++) {
                assertEquals(layersDuringCall.get(0).get(layer).sequence() + 1,
                        layersDuringCall.get(1).get(layer).sequence(), "layer " + layer + "'s sequence");
            }
            // the captures equal what phoenix put on the wire, though both were read into one receive buffer
            assertEquals(2, captured.size());
            assertArrayEquals(sent.get(0), captured.get(0).bytes());
            assertArrayEquals(sent.get(1), captured.get(1).bytes());
            assertArrayEquals(sent.get(0), kept.get(0).wire(), "the kept wire form is the first datagram");
            assertFalse(Arrays.equals(captured.get(0).bytes(), captured.get(1).bytes()));
            assertEquals(IpProtocol.AH.number(), captured.get(0).bytes()[9], "AH outermost on the wire");
        }
    }
}
