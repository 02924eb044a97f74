package org.jsetkey.engine.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jsetkey.engine.tun.TunConfig;
import org.jsetkey.engine.tun.TunInterface;

/**
 * The tun part's baseline: the same datagrams as two gateways exchange, with nothing in
 * between. Each packet read from TUN a is sent from one loopback UDP socket to the other and
 * written to TUN b, and back; the same threads per hop as a gateway has.
 */
final class BareRelay implements AutoCloseable {
    private final List<AutoCloseable> parts = new ArrayList<>();

    BareRelay(TunConfig a, TunConfig b) throws IOException {
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            DatagramSocket sa = new DatagramSocket(loopback);
            parts.add(sa::close);
            DatagramSocket sb = new DatagramSocket(loopback);
            parts.add(sb::close);
            TunInterface ta = TunInterface.open(a);
            parts.add(ta);
            TunInterface tb = TunInterface.open(b);
            parts.add(tb);
            ta.start(p -> send(sa, p, sb.getLocalSocketAddress()));
            tb.start(p -> send(sb, p, sa.getLocalSocketAddress()));
            copy(sb, tb);
            copy(sa, ta);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void send(DatagramSocket from, byte[] p, SocketAddress to) {
        try {
            from.send(new DatagramPacket(p, p.length, to));
        } catch (IOException e) {
            // a lost datagram: the kernels' ping and TCP see it
        }
    }

    private static void copy(DatagramSocket from, TunInterface to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65_535];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            while (!from.isClosed()) {
                try {
                    p.setLength(buf.length);
                    from.receive(p);
                    to.send(Arrays.copyOf(buf, p.getLength()));
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    // next datagram
                }
            }
        }, "bench-relay");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the interfaces (they disappear) and the sockets (the copying threads end). */
    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception ignored) {
                // the rest still closes
            }
        }
    }
}
