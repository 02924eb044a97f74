package org.jsetkey.engine.link;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;

/**
 * The UDP-encapsulated test link: every datagram carries exactly one raw IPv4 or IPv6
 * packet. The socket binds to loopback only; datagrams from anything but a configured
 * peer are dropped and counted. Hosts also exchange small hello datagrams (first byte 0,
 * never a valid IP version) announcing their addresses; data flows without them.
 */
public final class UdpLink implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final Map<InetSocketAddress, PeerState> peers = new LinkedHashMap<>();
    private final CopyOnWriteArrayList<Consumer<LinkPacket>> taps = new CopyOnWriteArrayList<>();
    private final AtomicLong foreignDatagrams = new AtomicLong();
    private final AtomicLong malformedDatagrams = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong noRoute = new AtomicLong();
    private volatile Consumer<byte[]> receiver = p -> { };
    private volatile Hello hello;
    private Thread thread;

    /** Binds the link socket; the address must be loopback. */
    public UdpLink(InetSocketAddress listen) throws IOException {
        if (!listen.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("listen address: " + listen + " (expected: loopback)");
        }
        this.socket = new DatagramSocket(listen);
    }

    private static final class PeerState {
        final Peer peer;
        final PeerStats stats = new PeerStats();
        volatile List<IpAddress> announced = List.of();
        volatile String announcedName;

        PeerState(Peer peer) {
            this.peer = peer;
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public synchronized void addPeer(Peer peer) {
        peers.putIfAbsent(peer.endpoint(), new PeerState(peer));
        sendHello(peer.endpoint());
    }

    public synchronized List<Peer> peers() {
        List<Peer> l = new ArrayList<>();
        for (PeerState s : peers.values()) {
            l.add(s.peer);
        }
        return l;
    }

    /** Where received IP packets go (the host's input path), called on the link thread. */
    public void onReceive(Consumer<byte[]> handler) {
        this.receiver = handler;
    }

    /** Taps see every IP packet sent or received (tcpdump, pcap writer, scripts). */
    public AutoCloseable tap(Consumer<LinkPacket> tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    /** Announces this host's name and addresses to every peer (now and on each new peer). */
    public void announce(String name, List<IpAddress> addresses) {
        this.hello = new Hello(name, addresses);
        for (Peer p : peers()) {
            sendHello(p.endpoint());
        }
    }

    /** Starts the receive thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::receiveLoop, "udp-link-" + localAddress().getPort());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Sends an IP packet to the peer that owns its destination. Returns false (and counts
     * it) when no peer does.
     */
    public boolean send(byte[] ipPacket, IpAddress destination) {
        PeerState target = route(destination);
        if (target == null) {
            noRoute.incrementAndGet();
            return false;
        }
        tapAll(LinkDirection.OUT, ipPacket);
        try {
            socket.send(new DatagramPacket(ipPacket, ipPacket.length, target.peer.endpoint()));
            target.stats.packetsOut.incrementAndGet();
            target.stats.bytesOut.addAndGet(ipPacket.length);
            return true;
        } catch (IOException e) {
            noRoute.incrementAndGet();
            return false;
        }
    }

    /** The peer owning {@code dst}: longest configured or announced prefix; the only peer otherwise. */
    public Peer peerFor(IpAddress dst) {
        PeerState s = route(dst);
        return s == null ? null : s.peer;
    }

    private synchronized PeerState route(IpAddress dst) {
        PeerState best = null;
        int bestLen = -1;
        for (PeerState s : peers.values()) {
            for (Prefix p : s.peer.prefixes()) {
                if (p.length() > bestLen && p.contains(dst)) {
                    best = s;
                    bestLen = p.length();
                }
            }
            for (IpAddress a : s.announced) {
                if (a.bitLength() > bestLen && a.equals(dst)) {
                    best = s;
                    bestLen = a.bitLength();
                }
            }
        }
        if (best == null && !peers.isEmpty()) {
            best = defaultPeer();
        }
        return best;
    }

    /** Without a matching prefix, the first peer that has no configured prefixes carries the traffic. */
    private PeerState defaultPeer() {
        for (PeerState s : peers.values()) {
            if (s.peer.prefixes().isEmpty()) {
                return s;
            }
        }
        return null;
    }

    private void receiveLoop() {
        byte[] buf = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(dp);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            handleDatagram((InetSocketAddress) dp.getSocketAddress(), Arrays.copyOf(dp.getData(), dp.getLength()));
        }
    }

    void handleDatagram(InetSocketAddress from, byte[] data) {
        PeerState peer;
        synchronized (this) {
            peer = peers.get(from);
        }
        if (peer == null) {
            foreignDatagrams.incrementAndGet();
            return;
        }
        if (data.length == 0) {
            malformedDatagrams.incrementAndGet();
            return;
        }
        if (Hello.isHello(data)) {
            handleHello(peer, data);
            return;
        }
        int version = (data[0] & 0xff) >> 4;
        if (version != 4 && version != 6) {
            malformedDatagrams.incrementAndGet();
            return;
        }
        peer.stats.packetsIn.incrementAndGet();
        peer.stats.bytesIn.addAndGet(data.length);
        tapAll(LinkDirection.IN, data);
        try {
            receiver.accept(data);
        } catch (RuntimeException e) {
            handlerFailures.incrementAndGet();
        }
    }

    private void handleHello(PeerState peer, byte[] data) {
        Hello h = Hello.decode(data);
        if (h == null) {
            malformedDatagrams.incrementAndGet();
            return;
        }
        boolean first = peer.announcedName == null;
        peer.announced = h.addresses();
        peer.announcedName = h.name();
        if (first && !h.reply()) {
            sendHelloTo(peer.peer.endpoint(), true);
        }
    }

    private void sendHello(InetSocketAddress to) {
        sendHelloTo(to, false);
    }

    private void sendHelloTo(InetSocketAddress to, boolean reply) {
        Hello h = hello;
        if (h == null || socket.isClosed()) {
            return;
        }
        byte[] b = new Hello(h.name(), h.addresses(), reply).encode();
        try {
            socket.send(new DatagramPacket(b, b.length, to));
        } catch (IOException ignored) {
            // the peer may not be up yet; its own hello will reach us when it is
        }
    }

    private void tapAll(LinkDirection dir, byte[] packet) {
        if (taps.isEmpty()) {
            return;
        }
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        LinkPacket lp = new LinkPacket(micros, dir, packet);
        for (Consumer<LinkPacket> t : taps) {
            try {
                t.accept(lp);
            } catch (RuntimeException ignored) {
                // a failing tap must not stop the link
            }
        }
    }

    public PeerStats stats(Peer peer) {
        synchronized (this) {
            PeerState s = peers.get(peer.endpoint());
            return s == null ? new PeerStats() : s.stats;
        }
    }

    /** The name and addresses a peer announced (empty until its hello arrives). */
    public synchronized List<IpAddress> announcedBy(Peer peer) {
        PeerState s = peers.get(peer.endpoint());
        return s == null ? List.of() : s.announced;
    }

    public synchronized String announcedName(Peer peer) {
        PeerState s = peers.get(peer.endpoint());
        return s == null ? null : s.announcedName;
    }

    public long foreignDatagrams() {
        return foreignDatagrams.get();
    }

    public long malformedDatagrams() {
        return malformedDatagrams.get();
    }

    public long handlerFailures() {
        return handlerFailures.get();
    }

    public long noRoute() {
        return noRoute.get();
    }

    @Override
    public void close() {
        socket.close();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
