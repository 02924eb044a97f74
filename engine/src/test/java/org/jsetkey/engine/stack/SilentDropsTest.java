package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.zip.Deflater;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.print.NetstatFormatter;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.IcmpStat;
import org.jsetkey.engine.stats.LinkStat;
import org.junit.jupiter.api.Test;

/** Drops that used to pass unseen: each is counted, explained, and changes nothing in the databases. */
class SilentDropsTest {
    private static final IpAddress ME = IpAddress.parse("192.0.2.10");
    private static final IpAddress PEER = IpAddress.parse("198.51.100.20");

    private static List<KeyEvent.Drop> drops(RecordedEvents events) {
        return events.stream().filter(e -> e instanceof KeyEvent.Drop).map(e -> (KeyEvent.Drop) e).toList();
    }

    private static byte[] badEcho() {
        byte[] icmp = new IcmpEcho(false, false, 0x1234, 1, "abcd".getBytes()).encode(PEER, ME);
        icmp[3] ^= 0x01;
        return icmp;
    }

    @Test
    void anEchoWithABadChecksumIsDroppedAndCounted() {
        try (Host h = new Host("h")) {
            h.addAddress(ME);
            RecordedEvents events = new RecordedEvents();
            h.events().subscribe(events);
            List<byte[]> sent = new java.util.ArrayList<>();
            h.onDelivered(d -> sent.add(d.packet()));
            h.receive(IpPacket.build(PEER, ME, 1, badEcho(), 7, 64));
            List<KeyEvent.Drop> d = drops(events);
            assertEquals(1, d.size());
            assertEquals(DropReason.BAD_CHECKSUM, d.get(0).reason());
            assertEquals("ICMP type 8 from 198.51.100.20 to 192.0.2.10, 12 bytes: checksum 0x" + checksumOf(badEcho())
                    + " does not verify", d.get(0).explanation());
            assertEquals(1, h.counters().get(false, IcmpStat.BAD_CHECKSUM));
            assertEquals("icmp:\n\t0 messages < minimum length\n\t1 bad checksum\n",
                    NetstatFormatter.format(h.counters(), "icmp", false));
            assertEquals(List.of(), sent, "nothing delivered");
            assertEquals(0, h.sad().size());
            assertEquals(0, h.spd().size());
        }
    }

    @Test
    void aPacketTheLinksSocketDidNotTakeIsDroppedAndSaysSo() throws Exception {
        try (Host h = new Host("h")) {
            h.addAddress(ME);
            h.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            h.addPeer(new Peer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), List.of()));
            h.link().close();
            RecordedEvents events = new RecordedEvents();
            h.events().subscribe(events);
            assertEquals(false, h.send(IpPacket.build(ME, PEER, 1, badEcho(), 7, 64)));
            List<KeyEvent.Drop> d = drops(events);
            assertEquals(1, d.size());
            assertEquals(DropReason.OUT_NO_ROUTE, d.get(0).reason());
            assertEquals("no route to 198.51.100.20 (the link's socket did not take it: closed, or its buffer full for"
                    + " a second)", d.get(0).explanation());
            assertEquals(1, h.link().sendFailures());
            assertEquals(0, h.link().noRoute());
        }
    }

    private static String checksumOf(byte[] icmp) {
        return String.format("%04x", (icmp[2] & 0xff) << 8 | icmp[3] & 0xff);
    }

    @Test
    void anIpcompPayloadThatDecompressesIntoABadChecksumIsDroppedAndCounted() {
        try (Host h = new Host("h")) {
            h.addAddress(ME);
            LabPair.load(h, "add 198.51.100.20 192.0.2.10 ipcomp 0x4000 -C deflate;");
            String sad = h.sad().snapshot().toString();
            RecordedEvents events = new RecordedEvents();
            h.events().subscribe(events);
            byte[] inner = badEcho();
            Deflater z = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            z.setInput(inner);
            z.finish();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(1);
            body.write(0);
            body.write(0x40);
            body.write(0x00);
            byte[] buf = new byte[256];
            while (!z.finished()) {
                body.write(buf, 0, z.deflate(buf));
            }
            h.receive(IpPacket.build(PEER, ME, 108, body.toByteArray(), 8, 64));
            List<KeyEvent.Drop> d = drops(events);
            assertEquals(1, d.size(), d.toString());
            assertEquals(DropReason.BAD_CHECKSUM, d.get(0).reason());
            assertTrue(d.get(0).explanation().endsWith(" does not verify (after removing ipcomp transport)"),
                    d.get(0).explanation());
            assertEquals(1, h.counters().get(false, IcmpStat.BAD_CHECKSUM));
            assertEquals(sad, h.sad().snapshot().toString());
        }
    }

    @Test
    void datagramsTheLinkRefusesAreDropsWithAReason() throws Exception {
        try (Host h = new Host("h");
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            h.addAddress(ME);
            RecordedEvents events = new RecordedEvents();
            h.events().subscribe(events);
            h.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            h.addPeer(new Peer((InetSocketAddress) peer.getLocalSocketAddress(), List.of()));
            InetSocketAddress to = h.link().localAddress();
            stranger.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, to));
            peer.send(new DatagramPacket(new byte[] {0x45, 0, 0}, 3, to));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (drops(events).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<KeyEvent.Drop> d = drops(events);
            assertEquals(2, d.size(), d.toString());
            int strangerPort = stranger.getLocalPort();
            assertEquals(DropReason.LINK_STRANGER, d.get(0).reason());
            assertEquals("the link refused a 3-byte datagram from 127.0.0.1:" + strangerPort
                    + ": no peer on this link is at 127.0.0.1:" + strangerPort, d.get(0).explanation());
            assertEquals(DropReason.LINK_MALFORMED, d.get(1).reason());
            assertTrue(d.get(1).explanation().startsWith("the link refused a 3-byte datagram from 127.0.0.1:"
                    + peer.getLocalPort() + ": "), d.get(1).explanation());
            assertEquals(1, h.counters().get(LinkStat.STRANGER));
            assertEquals(1, h.counters().get(LinkStat.MALFORMED));
            assertEquals("link:\n\t1 datagram from an endpoint that is no peer\n"
                    + "\t1 datagram neither an IP packet nor a control message\n", NetstatFormatter.format(h.counters(),
                    "link", true));
            assertEquals(0, h.sad().size());
        }
    }
}
