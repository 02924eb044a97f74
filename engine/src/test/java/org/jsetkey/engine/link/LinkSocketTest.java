package org.jsetkey.engine.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LinkSocketTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private static InetSocketAddress at(LinkSocket s) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.port());
    }

    @Test
    void aDatagramSentAfterTheReaderFellAsleepStillArrivesWhole() throws Exception {
        try (LinkSocket a = LinkSocket.bind(ANY_LOOPBACK, 1 << 16); LinkSocket b = LinkSocket.bind(ANY_LOOPBACK, 1 << 16)) {
            ByteBuffer into = ByteBuffer.allocate(2048).position(100);
            CompletableFuture<InetSocketAddress> from = CompletableFuture.supplyAsync(() -> b.receive(into));
            Thread.sleep(50); // far past the busy poll: the reader waits in select
            byte[] data = new byte[300];
            Arrays.fill(data, (byte) 0x5a);
            byte[] framed = new byte[310];
            System.arraycopy(data, 0, framed, 7, data.length);
            assertTrue(a.send(framed, 7, data.length, at(b)));
            assertEquals(at(a), from.get(5, TimeUnit.SECONDS));
            assertEquals(400, into.position(), "read behind the 100 bytes left free, 300 bytes long");
            assertArrayEquals(data, Arrays.copyOfRange(into.array(), 100, 400));
        }
    }

    @Test
    void closingWakesASleepingReaderAndFreesThePort() throws Exception {
        LinkSocket s = LinkSocket.bind(ANY_LOOPBACK, 1 << 16);
        CompletableFuture<InetSocketAddress> from = CompletableFuture.supplyAsync(() -> s.receive(ByteBuffer.allocate(64)));
        Thread.sleep(50);
        s.close();
        assertNull(from.get(5, TimeUnit.SECONDS));
        assertFalse(s.isOpen());
        assertFalse(s.send(new byte[1], 0, 1, at(s)), "a closed socket sends nothing");
        try (LinkSocket again = LinkSocket.bind(at(s), 1 << 16)) {
            assertEquals(s.port(), again.port());
        }
    }

    @Test
    void aPortInUseIsNamedInTheError() throws Exception {
        try (LinkSocket s = LinkSocket.bind(ANY_LOOPBACK, 1 << 16)) {
            BindException e = assertThrows(BindException.class, () -> LinkSocket.bind(at(s), 1 << 16));
            assertEquals("link socket 127.0.0.1:" + s.port() + ": address already in use (another jsetkey may hold it)",
                    e.getMessage());
        }
    }

    /** An empty datagram is a datagram: it goes once, and the send says so at once. */
    @Test
    void anEmptyDatagramIsSentOnce() throws Exception {
        try (LinkSocket a = LinkSocket.bind(ANY_LOOPBACK, 1 << 16); LinkSocket b = LinkSocket.bind(ANY_LOOPBACK, 1 << 16)) {
            long start = System.nanoTime();
            assertTrue(a.send(new byte[8], 3, 0, at(b)));
            assertTrue(System.nanoTime() - start < 500_000_000L, "no wait for room");
            assertTrue(a.send(new byte[] {7}, 0, 1, at(b)));
            ByteBuffer into = ByteBuffer.allocate(64);
            assertEquals(at(a), b.receive(into));
            assertEquals(0, into.position(), "the empty one first");
            into.clear();
            assertEquals(at(a), b.receive(into));
            assertEquals(1, into.position(), "then the one-byte one: no second empty datagram between them");
        }
    }

    /** Ctrl-C interrupts the thread of a ping that is sending: the link must stay open for everyone else. */
    @Test
    void anInterruptedSenderNeitherFailsNorClosesTheLink() throws Exception {
        try (LinkSocket a = LinkSocket.bind(ANY_LOOPBACK, 1 << 16); LinkSocket b = LinkSocket.bind(ANY_LOOPBACK, 1 << 16)) {
            Thread.currentThread().interrupt();
            try {
                assertTrue(a.send(new byte[] {1}, 0, 1, at(b)));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is left for the sender to see");
            } finally {
                Thread.interrupted();
            }
            assertTrue(a.isOpen());
            assertTrue(a.send(new byte[] {2}, 0, 1, at(b)));
            ByteBuffer into = ByteBuffer.allocate(8);
            assertEquals(at(a), b.receive(into));
            into.clear();
            assertEquals(at(a), b.receive(into));
            assertEquals(2, into.get(0));
        }
    }
}
