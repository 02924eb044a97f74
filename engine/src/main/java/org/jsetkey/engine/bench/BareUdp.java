package org.jsetkey.engine.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.Semaphore;

/**
 * The baselines of the link part: two plain Java UDP sockets on loopback, one receiving on its
 * own thread. {@link #flood} counts arrivals for a one-way flood; {@link #pingPong} echoes.
 */
final class BareUdp implements AutoCloseable {
    private final DatagramSocket a;
    private final DatagramSocket b;
    private final Thread receiver;

    /** @param echo true: b sends every datagram back to a; false: b counts them on {@code arrived} */
    BareUdp(boolean echo, Semaphore arrived) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        a = new DatagramSocket(loopback);
        b = new DatagramSocket(loopback);
        receiver = new Thread(() -> serve(echo, arrived), echo ? "bench-udp-echo" : "bench-udp-sink");
        receiver.setDaemon(true);
        receiver.start();
    }

    private void serve(boolean echo, Semaphore arrived) {
        byte[] buf = new byte[65_535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!b.isClosed()) {
            try {
                p.setLength(buf.length);
                b.receive(p);
                if (echo) {
                    b.send(new DatagramPacket(buf, p.getLength(), p.getSocketAddress()));
                } else {
                    arrived.release();
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a failed datagram is a loss the sender notices
            }
        }
    }

    /** Sends one datagram from a to b. */
    void send(byte[] data) throws IOException {
        a.send(new DatagramPacket(data, data.length, b.getLocalSocketAddress()));
    }

    /** Sends {@code data} to the echo side and waits for it to come back; false after a second. */
    boolean pingPong(byte[] data, byte[] into) throws IOException {
        send(data);
        a.setSoTimeout(1000);
        DatagramPacket p = new DatagramPacket(into, into.length);
        try {
            a.receive(p);
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        a.close();
        b.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
