package org.jsetkey.engine.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jsetkey.engine.stats.LinkStat;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.Prefix;

/**
 * The UDP-encapsulated test link: every datagram carries exactly one whole raw IPv4 or IPv6
 * packet, in both directions. The socket binds where the user says (loopback by default);
 * datagrams from anything but a configured peer, and datagrams that are not a valid IP
 * packet, are dropped and counted. The hosts' own messages (announcements of name and
 * addresses, peer check) are ordinary IP/UDP packets to {@link ControlPackets#PORT}; like a
 * key-management socket they bypass the SPD both ways. Data never waits for them.
 */
public final class UdpLink implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;

    private final LinkSocket socket;
    private final Map<InetSocketAddress, PeerState> peers = new LinkedHashMap<>();
    /** The peers in the order they were added, for the datapath to read without the lock (peers are never removed). */
    private volatile PeerState[] peerList = new PeerState[0];
    private final CopyOnWriteArrayList<Consumer<LinkPacket>> taps = new CopyOnWriteArrayList<>();
    private final AtomicLong foreignDatagrams = new AtomicLong();
    private final AtomicLong malformedDatagrams = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong noRoute = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicInteger ipId = new AtomicInteger(1);
    private final TapClock tapClock = new TapClock();
    private volatile Consumer<Packet> receiver = p -> { };
    private volatile RefusalListener refusals = (kind, from, length, why) -> { };
    private volatile ControlListener control = (peer, payload) -> false;
    private volatile Announcement announcement;
    private Thread thread;
    private ScheduledExecutorService delayQueue;
    /** The address asked for: a dual-stack socket bound to 0.0.0.0 reports itself as [::]. */
    private final java.net.InetAddress listenAddress;

    /** Hears of each datagram the link refused, with what it was and why, to count and explain it. */
    @FunctionalInterface
    public interface RefusalListener {
        void refused(LinkStat kind, InetSocketAddress from, int length, String why);
    }

    /** A message from a peer on the control port; returns false when it was not understood. */
    @FunctionalInterface
    public interface ControlListener {
        boolean accept(Peer from, byte[] payload);
    }

    /** Binds the link socket on any local address the caller names (the wildcard too). */
    public UdpLink(InetSocketAddress listen) throws IOException {
        this.socket = LinkSocket.bind(listen, 1 << 22); // a peer check's summary arrives as a burst of parts
        this.listenAddress = listen.getAddress();
    }

    private static final class PeerState {
        final Peer peer;
        final PeerStats stats = new PeerStats();
        volatile List<IpAddress> announced = List.of();
        volatile Impairer impairer;
        volatile String announcedName;

        PeerState(Peer peer) {
            this.peer = peer;
        }
    }

    /** The address the link was asked to bind, with the port it got (the one chosen for port 0). */
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(listenAddress, socket.port());
    }

    public synchronized void addPeer(Peer peer) {
        if (peers.putIfAbsent(peer.endpoint(), new PeerState(peer)) == null) {
            peerList = peers.values().toArray(new PeerState[0]);
        }
        Announcement a = announcement;
        if (a != null) {
            sendControl(peer, a.encode());
        }
    }

    public synchronized List<Peer> peers() {
        List<Peer> l = new ArrayList<>();
        for (PeerState s : peers.values()) {
            l.add(s.peer);
        }
        return l;
    }

    /** Where refused datagrams are reported (the host's drop counter), called on the link thread. */
    public void onRefused(RefusalListener listener) {
        this.refusals = listener;
    }

    /** Where received IP packets go, each as a copy of its own, called on the link thread. */
    public void onReceive(Consumer<byte[]> handler) {
        this.receiver = p -> handler.accept(p.toByteArray());
    }

    /**
     * Where received IP packets go (the host's input path), called on the link thread: the packet
     * value the link parsed, in the link's receive buffer, valid during the call (the next datagram
     * is read into it).
     */
    public void onPacket(Consumer<Packet> handler) {
        this.receiver = handler;
    }

    /** Taps see every IP packet sent or received (tcpdump, pcap writer, scripts). */
    public AutoCloseable tap(Consumer<LinkPacket> tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    /** Where the hosts' own messages on {@link ControlPackets#PORT} go (peer check), on the link thread. */
    public void onControl(ControlListener listener) {
        this.control = listener;
    }

    /** Announces this host's name and addresses to every peer (now and on each new peer). */
    public void announce(String name, List<IpAddress> addresses) {
        Announcement a = new Announcement(name, addresses, false);
        this.announcement = a;
        sendControl(null, a.encode());
    }

    /**
     * Sends a control message as an IP/UDP packet to {@code to} (every peer when null), from
     * this host's first announced address. Returns the number of peers it went to.
     */
    public int sendControl(Peer to, byte[] payload) {
        Announcement a = announcement;
        IpAddress src = a == null || a.addresses().isEmpty() ? ControlPackets.UNSPECIFIED4 : a.addresses().get(0);
        byte[] packet = ControlPackets.build(src, payload, ipId.getAndIncrement() & 0xffff);
        List<PeerState> targets = new ArrayList<>();
        synchronized (this) {
            for (PeerState s : peers.values()) {
                if (to == null || s.peer.endpoint().equals(to.endpoint())) {
                    targets.add(s);
                }
            }
        }
        int sent = 0;
        for (PeerState target : targets) {
            sent += transmit(target, packet, true) ? 1 : 0;
        }
        return sent;
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
        return send(Packet.wrap(ipPacket), destination);
    }

    /** The same for a packet value, sent from where it lies in its buffer. */
    public boolean send(Packet ipPacket, IpAddress destination) {
        PeerState target = route(destination);
        if (target == null) {
            noRoute.incrementAndGet();
            return false;
        }
        if (!transmit(target, ipPacket, false)) {
            sendFailures.incrementAndGet();
            return false;
        }
        return true;
    }

    private boolean transmit(PeerState target, byte[] ipPacket, boolean control) {
        return transmit(target, Packet.wrap(ipPacket), control);
    }

    private boolean transmit(PeerState target, Packet ipPacket, boolean control) {
        if (!socket.isOpen()) {
            return false;
        }
        tapAll(LinkDirection.OUT, ipPacket);
        Impairer impairer = target.impairer;
        if (impairer != null && !control) {
            // after the sender's capture point: its tcpdump shows what it sent, the peer's what arrived;
            // the impairer keeps datagrams for later, so it takes a copy
            impairer.submit(ipPacket.toByteArray(), datagram -> wire(target, Packet.wrap(datagram), false));
            return true;
        }
        return wire(target, ipPacket, control);
    }

    private boolean wire(PeerState target, Packet ipPacket, boolean control) {
        if (!socket.send(ipPacket.buffer(), ipPacket.offset(), ipPacket.length(), target.peer.endpoint())) {
            return false;
        }
        if (control) {
            target.stats.controlOut.incrementAndGet();
        } else {
            target.stats.packetsOut.incrementAndGet();
            target.stats.bytesOut.addAndGet(ipPacket.length());
        }
        return true;
    }

    /**
     * Impairs the datagrams this host sends {@code peer} from now on (the hosts' own control
     * messages excepted), or stops with null; the counts start again. Returns the settings in
     * force, with the seed chosen when none was given, so the run can be repeated.
     */
    public Impairment impair(Peer peer, Impairment settings) {
        PeerState s;
        synchronized (this) {
            s = peers.get(peer.endpoint());
        }
        if (s == null) {
            throw new IllegalArgumentException("no peer " + Endpoints.format(peer.endpoint()));
        }
        if (settings == null) {
            s.impairer = null;
            return null;
        }
        Impairment seeded = settings.seed() != null ? settings
                : settings.withSeed(new java.security.SecureRandom().nextInt(Integer.MAX_VALUE));
        s.impairer = new Impairer(seeded, System::nanoTime, this::delayQueue);
        return seeded;
    }

    /**
     * The peer a person names: its announced name, its socket as {@code --peer} writes it, or an
     * address it owns. The message lists the peers there are.
     */
    public Peer peerNamed(String word) {
        IpAddress ip = IpAddress.tryParse(word);
        List<String> known = new ArrayList<>();
        for (Peer p : peers()) {
            String name = announcedName(p);
            if (word.equals(name) || word.equals(Endpoints.format(p.endpoint()))
                    || ip != null && (announcedBy(p).contains(ip) || p.prefixes().stream().anyMatch(x -> x.contains(ip)))) {
                return p;
            }
            known.add(name == null || name.isEmpty() ? Endpoints.format(p.endpoint()) : name);
        }
        throw new IllegalArgumentException("no peer " + word + " (peers: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }

    /** The impairment set for {@code peer} (with its seed), or null. */
    public Impairment impairment(Peer peer) {
        Impairer i = impairer(peer);
        return i == null ? null : i.settings();
    }

    /** What the impairment of {@code peer} did since it was set ({@link ImpairStats#NONE} without one). */
    public ImpairStats impairStats(Peer peer) {
        Impairer i = impairer(peer);
        return i == null ? ImpairStats.NONE : i.stats();
    }

    private synchronized Impairer impairer(Peer peer) {
        PeerState s = peers.get(peer.endpoint());
        return s == null ? null : s.impairer;
    }

    /** The one thread that sends delayed datagrams when they are due, started on first use. */
    private synchronized ScheduledExecutorService delayQueue() {
        if (!socket.isOpen()) {
            throw new java.util.concurrent.RejectedExecutionException("the link is closed");
        }
        if (delayQueue == null) {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "link-delay-" + localAddress().getPort());
                t.setDaemon(true);
                return t;
            });
            e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            delayQueue = e;
        }
        return delayQueue;
    }

    /** The peer owning {@code dst}: longest configured or announced prefix; the only peer otherwise. */
    public Peer peerFor(IpAddress dst) {
        PeerState s = route(dst);
        return s == null ? null : s.peer;
    }

    private PeerState route(IpAddress dst) {
        PeerState[] all = peerList;
        PeerState best = null;
        int bestLen = -1;
        // indexed loops: an iterator per packet is left to escape analysis, which a busy JVM may not do
        for (PeerState s : all) {
            List<Prefix> prefixes = s.peer.prefixes();
            for (int i = 0; i < prefixes.size(); i++) {
                Prefix p = prefixes.get(i);
                if (p.length() > bestLen && p.contains(dst)) {
                    best = s;
                    bestLen = p.length();
                }
            }
            List<IpAddress> announced = s.announced;
            for (int i = 0; i < announced.size(); i++) {
                IpAddress a = announced.get(i);
                if (a.bitLength() > bestLen && a.equals(dst)) {
                    best = s;
                    bestLen = a.bitLength();
                }
            }
        }
        if (best == null && all.length > 0) {
            best = defaultPeer(all);
        }
        return best;
    }

    /** Without a matching prefix, the first peer that has no configured prefixes carries the traffic. */
    private static PeerState defaultPeer(PeerState[] all) {
        for (PeerState s : all) {
            if (s.peer.prefixes().isEmpty()) {
                return s;
            }
        }
        return null;
    }

    private void receiveLoop() {
        // one packet for every datagram, read behind headroom so the host can seal a forwarded one in place
        Packet packet = new Packet(MAX_DATAGRAM);
        ByteBuffer into = ByteBuffer.wrap(packet.buffer());
        while (true) {
            packet.reserve(MAX_DATAGRAM);
            if (into.array() != packet.buffer()) {
                into = ByteBuffer.wrap(packet.buffer()); // a stage grew the buffer the last datagram lay in
            }
            into.limit(packet.offset() + MAX_DATAGRAM).position(packet.offset());
            InetSocketAddress from = socket.receive(into);
            if (from == null) {
                return;
            }
            packet.length(into.position() - packet.offset());
            handleDatagram(from, packet);
        }
    }

    void handleDatagram(InetSocketAddress from, byte[] data) {
        handleDatagram(from, Packet.wrap(data));
    }

    private void handleDatagram(InetSocketAddress from, Packet data) {
        PeerState peer = null;
        for (PeerState s : peerList) {
            if (s.peer.endpoint().equals(from)) {
                peer = s;
                break;
            }
        }
        if (peer == null) {
            foreignDatagrams.incrementAndGet();
            refuse(LinkStat.STRANGER, from, data.length(), "no peer on this link is at " + endpoint(from));
            return;
        }
        byte[] control;
        try {
            ControlPackets.validate(data);
            control = ControlPackets.payload(data);
        } catch (IllegalArgumentException e) {
            malformedDatagrams.incrementAndGet();
            refuse(LinkStat.MALFORMED, from, data.length(), e.getMessage());
            return;
        }
        if (control != null) {
            peer.stats.controlIn.incrementAndGet();
        } else {
            peer.stats.packetsIn.incrementAndGet();
            peer.stats.bytesIn.addAndGet(data.length());
        }
        tapAll(LinkDirection.IN, data);
        try {
            if (control != null) {
                handleControl(peer, from, control);
            } else {
                receiver.accept(data);
            }
        } catch (RuntimeException e) {
            handlerFailures.incrementAndGet();
            refuse(LinkStat.HANDLER_FAILED, from, data.length(), String.valueOf(e));
        }
    }

    private void refuse(LinkStat kind, InetSocketAddress from, int length, String why) {
        try {
            refusals.refused(kind, from, length, why);
        } catch (RuntimeException ignored) {
            // the count above stands; a failing listener must not stop the link
        }
    }

    private static String endpoint(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private void handleControl(PeerState peer, InetSocketAddress from, byte[] payload) {
        if (!Announcement.isAnnouncement(payload)) {
            if (!control.accept(peer.peer, payload)) {
                malformedDatagrams.incrementAndGet();
                refuse(LinkStat.MALFORMED, from, payload.length, "a control message nothing here understands");
            }
            return;
        }
        Announcement a = Announcement.decode(payload);
        if (a == null) {
            malformedDatagrams.incrementAndGet();
            refuse(LinkStat.MALFORMED, from, payload.length, "an announcement that does not decode");
            return;
        }
        peer.announced = a.addresses();
        peer.announcedName = a.name();
        Announcement mine = announcement;
        if (!a.answer() && mine != null) {
            sendControl(peer.peer, mine.asAnswer().encode());
        }
    }

    private void tapAll(LinkDirection dir, Packet packet) {
        if (taps.isEmpty()) {
            return;
        }
        // the link thread (in) and senders (out) stamp and hand over one at a time: a trace's times never go back;
        // a tap keeps what it sees, so it gets a copy (nothing is copied while no one listens)
        synchronized (tapClock) {
            LinkPacket lp = new LinkPacket(tapClock.next(), dir, packet.toByteArray());
            for (Consumer<LinkPacket> t : taps) {
                try {
                    t.accept(lp);
                } catch (RuntimeException ignored) {
                    // a failing tap must not stop the link
                }
            }
        }
    }

    public PeerStats stats(Peer peer) {
        synchronized (this) {
            PeerState s = peers.get(peer.endpoint());
            return s == null ? new PeerStats() : s.stats;
        }
    }

    /** The addresses a peer announced (empty until its announcement arrives). */
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

    /** Packets with a peer that the socket did not take: it was closed, or its buffer stayed full for a second. */
    public long sendFailures() {
        return sendFailures.get();
    }

    @Override
    public void close() {
        ScheduledExecutorService q;
        synchronized (this) {
            socket.close(); // first, so no delay queue starts after this one stops
            q = delayQueue;
        }
        if (q != null) {
            q.shutdownNow(); // datagrams still waiting die with the link, as on a cable pulled out
            try {
                q.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
