package org.jsetkey.engine.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.net.IpAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpLinkTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private UdpLink a;
    private UdpLink b;
    private final BlockingQueue<byte[]> receivedByB = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        a = new UdpLink(ANY_LOOPBACK);
        b = new UdpLink(ANY_LOOPBACK);
        b.onReceive(receivedByB::add);
        a.start();
        b.start();
        a.addPeer(new Peer(b.localAddress(), List.of()));
        b.addPeer(new Peer(a.localAddress(), List.of()));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private static byte[] ipv4Packet(String src, String dst) {
        byte[] p = new byte[28];
        p[0] = 0x45;
        p[3] = 28;
        p[8] = 64;
        p[9] = 1;
        IpAddress.parse(src).copyTo(p, 12);
        IpAddress.parse(dst).copyTo(p, 16);
        org.jsetkey.engine.net.Ipv4Header.fixChecksum(p);
        return p;
    }

    @Test
    void deliversOneRawIpPacketPerDatagram() throws Exception {
        byte[] packet = ipv4Packet("192.0.2.10", "198.51.100.20");
        assertTrue(a.send(packet, IpAddress.parse("198.51.100.20")));
        byte[] got = receivedByB.poll(5, TimeUnit.SECONDS);
        assertNotNull(got, "no packet arrived");
        assertArrayEquals(packet, got);
        Peer toB = a.peers().get(0);
        assertEquals(1, a.stats(toB).packetsOut());
        assertEquals(28, a.stats(toB).bytesOut());
    }

    /** A packet that has a peer but that the socket does not take is not one "without a peer". */
    @Test
    void aPacketTheClosedSocketDidNotTakeIsCountedApartFromOnesWithoutAPeer() throws Exception {
        a.close();
        assertEquals(false, a.send(ipv4Packet("192.0.2.10", "198.51.100.20"), IpAddress.parse("198.51.100.20")));
        assertEquals(1, a.sendFailures());
        assertEquals(0, a.noRoute());
    }

    @Test
    void dropsAndCountsDatagramsFromUnknownSenders() throws Exception {
        try (DatagramSocket stranger = new DatagramSocket(ANY_LOOPBACK)) {
            byte[] packet = ipv4Packet("203.0.113.1", "198.51.100.20");
            stranger.send(new DatagramPacket(packet, packet.length, b.localAddress()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (b.foreignDatagrams() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, b.foreignDatagrams());
        assertTrue(receivedByB.isEmpty());
    }

    @Test
    void countsDatagramsThatAreNotIpAndKeepsRunning() throws Exception {
        try (DatagramSocket fromA = new DatagramSocket()) {
            // a datagram with version nibble 7 from a socket that is not a peer would be foreign;
            // send it through the link's own handler path instead
            b.handleDatagram(a.localAddress(), new byte[] {0x70, 1, 2});
            b.handleDatagram(a.localAddress(), new byte[0]);
        }
        assertEquals(2, b.malformedDatagrams());
        a.send(ipv4Packet("192.0.2.10", "198.51.100.20"), IpAddress.parse("198.51.100.20"));
        assertNotNull(receivedByB.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aThrowingReceiverIsCountedNotFatal() throws Exception {
        b.onReceive(p -> {
            throw new IllegalStateException("boom");
        });
        a.send(ipv4Packet("192.0.2.10", "198.51.100.20"), IpAddress.parse("198.51.100.20"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (b.handlerFailures() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, b.handlerFailures());
        b.onReceive(receivedByB::add);
        a.send(ipv4Packet("192.0.2.10", "198.51.100.20"), IpAddress.parse("198.51.100.20"));
        assertNotNull(receivedByB.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void routesByAnnouncedAddressesAndConfiguredPrefixes() throws Exception {
        try (UdpLink c = new UdpLink(ANY_LOOPBACK)) {
            c.start();
            a.addPeer(new Peer(c.localAddress(), List.of(Endpoints.parsePrefix("203.0.113.0/24"))));
            c.addPeer(new Peer(a.localAddress(), List.of()));
            b.announce("cardinal", List.of(IpAddress.parse("198.51.100.20")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (a.announcedBy(a.peers().get(0)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of(IpAddress.parse("198.51.100.20")), a.announcedBy(a.peers().get(0)));
            assertEquals("cardinal", a.announcedName(a.peers().get(0)));
            assertEquals(c.localAddress(), a.peerFor(IpAddress.parse("203.0.113.7")).endpoint());
            assertEquals(b.localAddress(), a.peerFor(IpAddress.parse("198.51.100.20")).endpoint());
        }
    }

    @Test
    void acceptsAnyNamedAddressAndDefaultsToLoopback() {
        assertEquals("192.0.2.1:7000", Endpoints.format(Endpoints.parse("192.0.2.1:7000")));
        assertEquals("0.0.0.0:7000", Endpoints.format(Endpoints.parse("0.0.0.0:7000")));
        assertEquals("[::]:7000", Endpoints.format(Endpoints.parse("[::]:7000")));
        assertEquals("127.0.0.1:7000", Endpoints.format(Endpoints.parse("7000")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Endpoints.parse("phoenix.example:7000"));
        assertTrue(e.getMessage().contains("expected: an IPv4 or IPv6 address"), e.getMessage());
        assertEquals("127.0.0.1:7000=198.51.100.0/24", Peer.parse("127.0.0.1:7000=198.51.100.0/24").format());
    }

    @Test
    void aPortInUseNamesAddressAndPortAndAnotherJsetkey() throws Exception {
        java.net.BindException e = assertThrows(java.net.BindException.class, () -> new UdpLink(b.localAddress()));
        assertEquals("link socket " + Endpoints.format(b.localAddress())
                + ": address already in use (another jsetkey may hold it)", e.getMessage());
    }

    @Test
    void announcementsAreUdpPacketsToTheBroadcastAddressOnTheControlPort() throws Exception {
        BlockingQueue<LinkPacket> sent = new LinkedBlockingQueue<>();
        a.tap(sent::add);
        a.announce("phoenix", List.of(IpAddress.parse("192.0.2.10"), IpAddress.parse("2001:db8::10")));
        LinkPacket p = sent.poll(5, TimeUnit.SECONDS);
        assertNotNull(p);
        byte[] ip = p.bytes();
        org.jsetkey.engine.net.IpView view = ControlPackets.validate(ip);
        assertEquals(17, view.protocol());
        assertEquals(IpAddress.parse("192.0.2.10"), org.jsetkey.engine.net.IpPacket.source(ip));
        assertEquals(IpAddress.parse("255.255.255.255"), org.jsetkey.engine.net.IpPacket.destination(ip));
        assertEquals("jsetkey announce phoenix 192.0.2.10,2001:db8::10\n",
                new String(ControlPackets.payload(org.jsetkey.engine.net.Packet.wrap(ip)), java.nio.charset.StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (b.announcedName(b.peers().get(0)) == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("phoenix", b.announcedName(b.peers().get(0)));
        assertTrue(receivedByB.isEmpty(), "an announcement is not handed to the host's input path");
    }

    @Test
    void aHostWithOnlyIpv6AddressesAnnouncesToAllNodesWithAValidUdpChecksum() throws Exception {
        BlockingQueue<LinkPacket> sent = new LinkedBlockingQueue<>();
        a.tap(sent::add);
        a.announce("kame", List.of(IpAddress.parse("2001:db8::10")));
        byte[] ip = sent.poll(5, TimeUnit.SECONDS).bytes();
        assertEquals(6, (ip[0] & 0xff) >> 4);
        assertEquals(ip.length - 40, ((ip[4] & 0xff) << 8) | (ip[5] & 0xff), "payload length");
        assertEquals(IpAddress.parse("ff02::1"), org.jsetkey.engine.net.IpPacket.destination(ip));
        org.jsetkey.engine.net.IpView view = ControlPackets.validate(ip);
        assertEquals("jsetkey announce kame 2001:db8::10\n",
                new String(ControlPackets.payload(org.jsetkey.engine.net.Packet.wrap(ip)), java.nio.charset.StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (b.announcedName(b.peers().get(0)) == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(IpAddress.parse("2001:db8::10")), b.announcedBy(b.peers().get(0)));
    }

    @Test
    void aHostWithoutAddressesAnnouncesFromTheUnspecifiedAddress() throws Exception {
        BlockingQueue<LinkPacket> sent = new LinkedBlockingQueue<>();
        a.tap(sent::add);
        a.announce("bare", List.of());
        byte[] ip = sent.poll(5, TimeUnit.SECONDS).bytes();
        assertEquals(IpAddress.parse("0.0.0.0"), org.jsetkey.engine.net.IpPacket.source(ip));
        assertEquals(IpAddress.parse("255.255.255.255"), org.jsetkey.engine.net.IpPacket.destination(ip));
        ControlPackets.validate(ip);
    }

    @Test
    void aCorruptedAnnouncementIsCountedAsMalformed() {
        byte[] ip = ControlPackets.build(IpAddress.parse("192.0.2.10"),
                "jsetkey announce x 192.0.2.10\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 7);
        ip[ip.length - 3] ^= 1;
        b.handleDatagram(a.localAddress(), ip);
        byte[] badHeader = ipv4Packet("192.0.2.10", "198.51.100.20");
        badHeader[10] ^= 1;
        b.handleDatagram(a.localAddress(), badHeader);
        assertEquals(2, b.malformedDatagrams());
        assertTrue(receivedByB.isEmpty());
    }

    /** The link thread (in) and two senders (out) race for a's taps: the trace's times still never go back. */
    @Test
    void tapsSeePacketsInTheOrderOfTheirTimestamps() throws Exception {
        java.util.List<Long> times = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        a.tap(p -> times.add(p.timeMicros()));
        b.onReceive(p -> b.send(p, IpAddress.parse("192.0.2.10"))); // echo everything back to a
        byte[] packet = ipv4Packet("192.0.2.10", "198.51.100.20");
        Runnable sender = () -> {
            for (int i = 0; i < 2000; i++) {
                a.send(packet, IpAddress.parse("198.51.100.20"));
            }
        };
        Thread t1 = new Thread(sender);
        Thread t2 = new Thread(sender);
        t1.start();
        t2.start();
        t1.join(30_000);
        t2.join(30_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (times.size() < 8000 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Long> seen = List.copyOf(times);
        assertTrue(seen.size() >= 4000, "only " + seen.size() + " packets traced");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "line " + (i + 1) + " at " + seen.get(i)
                    + " after one at " + seen.get(i - 1));
        }
        long wallMicros = System.currentTimeMillis() * 1000;
        assertTrue(Math.abs(seen.get(seen.size() - 1) - wallMicros) < 5_000_000, "stamps follow the wall clock");
    }
}
