package org.jsetkey.engine.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.nat.Nat;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketScratch;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.stats.Counters;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.LinkStat;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.tun.TunConfig;
import org.jsetkey.engine.tun.TunInterface;
import org.jsetkey.engine.xform.Tunables;
import org.jsetkey.engine.xform.Xform;

/**
 * One IPsec host: SAD, SPD, sysctl knobs, counters, addresses and (optionally) a UDP
 * link to its peers. Output: SPD, SA bundle, transforms, link. Input: link, AH/ESP/IPComp
 * peeled one at a time, inbound policy check, delivery. Safe for concurrent use by the
 * console, scripts, timers and the link thread; no static state, so many hosts can share
 * a JVM.
 */
public final class Host implements AutoCloseable {
    private final String name;
    private final Clock clock;
    private final EventBus events = new EventBus();
    private final Sad sad;
    private final Spd spd;
    private final Sysctl sysctl = new Sysctl();
    private final Counters counters = new Counters();
    private final NatTTally natt = new NatTTally();
    private final Nat nat = new Nat();
    private final Xform xform;
    private final CopyOnWriteArrayList<IpAddress> addresses = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<TunInterface> interfaces = new CopyOnWriteArrayList<>();
    private final Object deliveryListenersLock = new Object();
    /** Replaced whole on each change and read by index: a delivery makes no iterator. */
    private volatile List<Consumer<Delivered>> deliveryListeners = List.of();
    private final AtomicInteger ipId = new AtomicInteger(1);
    private final OutputPath output;
    private final InputPath input;
    private final EchoService echo;
    private final DropCounter drops;
    private final LifetimeTimer lifetimes;
    private final NatTKeepalive keepalive;
    private volatile UdpLink link;
    private final CopyOnWriteArrayList<UdpLink.ControlListener> controlListeners = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> services =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** How IKE's own socket sends: around the SPD. */
    private static final SocketPolicy BYPASS = new SocketPolicy(PolicyAction.BYPASS, List.of());

    public Host(String name, Clock clock) {
        this.name = name == null ? "" : name;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.xform = new Xform(clock, new java.security.SecureRandom());
        this.xform.tunables(() -> currentTunables);
        sysctl.onChange(() -> currentTunables = readTunables());
        this.sad = new Sad(clock, events);
        this.spd = new Spd(clock, events);
        this.sad.maxEntries(() -> sysctl.getInt(SysctlNames.KEY_SAD_MAXENTRIES));
        this.spd.maxEntries(() -> sysctl.getInt(SysctlNames.KEY_SPD_MAXENTRIES));
        this.drops = new DropCounter(clock, counters, events);
        Datapath dp = new Datapath(clock, sad, spd, sysctl, counters, xform, events, drops, addresses::contains,
                () -> link, this::interfaceFor, natt);
        this.output = new OutputPath(dp, new Acquirer(dp));
        this.input = new InputPath(dp);
        this.echo = new EchoService(this::nextIpId);
        this.keepalive = new NatTKeepalive(dp, ip -> send(ip, BYPASS), this::nextIpId);
        this.lifetimes = new LifetimeTimer(dp, this.name, () -> {
            keepalive.tick();
            nat.expire(clock.millis());
        });
    }

    public Host(String name) {
        this(name, Clock.systemDefaultZone());
    }

    public String name() {
        return name;
    }

    public Clock clock() {
        return clock;
    }

    public EventBus events() {
        return events;
    }

    public Sad sad() {
        return sad;
    }

    public Spd spd() {
        return spd;
    }

    public Sysctl sysctl() {
        return sysctl;
    }

    /** The source NAT of this host as a router (pf's nat rules and their translations). */
    public Nat nat() {
        return nat;
    }

    /** What NAT-T (ESP in UDP) did on this host. */
    public NatTTally natt() {
        return natt;
    }

    public Counters counters() {
        return counters;
    }

    /** The sysctl knobs the transforms honour, as they are now. */
    public Tunables tunables() {
        return currentTunables;
    }

    /** Read again after every sysctl change, not for every packet. */
    private volatile Tunables currentTunables = readTunables();

    private Tunables readTunables() {
        return new Tunables(sysctl.getInt(SysctlNames.IPSEC_AH_CLEARTOS) != 0,
                sysctl.getInt(SysctlNames.IPSEC_AH_OFFSETMASK), sysctl.getInt(SysctlNames.IPSEC_DFBIT),
                sysctl.getInt(SysctlNames.IPSEC_ECN));
    }

    public EchoService echo() {
        return echo;
    }

    public List<IpAddress> addresses() {
        return List.copyOf(addresses);
    }

    public void addAddress(IpAddress a) {
        if (addresses.addIfAbsent(a)) {
            UdpLink l = link;
            if (l != null) {
                l.announce(name, addresses());
            }
        }
    }

    public boolean isLocal(IpAddress a) {
        return addresses.contains(a);
    }

    /** The first own address of the family of {@code peer}, or null. */
    public IpAddress sourceFor(IpAddress peer) {
        for (IpAddress a : addresses) {
            if (a.sameFamily(peer)) {
                return a;
            }
        }
        return null;
    }

    /** Binds the link socket (loopback only), starts its thread and announces our addresses. */
    public UdpLink listen(InetSocketAddress where) throws IOException {
        UdpLink l = new UdpLink(where);
        l.onPacket(this::receive);
        l.onRefused((kind, from, length, why) -> drops.drop(linkDrop(kind), false, null,
                "the link refused a " + length + "-byte datagram from " + from.getAddress().getHostAddress() + ":"
                        + from.getPort() + ": " + why, List.of()));
        l.onControl(this::control);
        this.link = l;
        l.start();
        l.announce(name, addresses());
        return l;
    }

    public void addPeer(Peer peer) {
        UdpLink l = link;
        if (l == null) {
            throw new IllegalStateException("no link: start the host with a listen address first");
        }
        l.addPeer(peer);
    }

    /**
     * Subscribes to the hosts' own control messages (peer check, ...) on this link and any later
     * one; each message goes to the subscribers in turn until one understands it. Closing the
     * result unsubscribes.
     */
    public AutoCloseable onControl(UdpLink.ControlListener listener) {
        controlListeners.add(listener);
        return () -> controlListeners.remove(listener);
    }

    private boolean control(Peer from, byte[] payload) {
        for (UdpLink.ControlListener l : controlListeners) {
            if (l.accept(from, payload)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one {@code type} service of this host (a tool above the stack, such as the peer check),
     * made by {@code make} on first use.
     */
    public <T> T service(Class<T> type, java.util.function.Supplier<T> make) {
        return type.cast(services.computeIfAbsent(type, t -> make.get()));
    }

    /** The link, or null for a host without one. */
    public UdpLink link() {
        return link;
    }

    /**
     * Creates the real OS interface {@code config} names (Linux TUN; needs CAP_NET_ADMIN): its
     * address becomes one of this host's, what the OS routes into it arrives as input, and what
     * this host sends to the network behind it is written to it.
     */
    public TunInterface attach(TunConfig config) throws IOException {
        TunInterface t = TunInterface.open(config);
        interfaces.add(t);
        addAddress(config.address());
        t.start(this::receive);
        return t;
    }

    /** The real interfaces this host owns, in the order they were attached. */
    public List<TunInterface> interfaces() {
        return List.copyOf(interfaces);
    }

    private TunInterface interfaceFor(IpAddress dst) {
        if (interfaces.isEmpty()) {
            return null; // the usual lab: no iterator per packet sent
        }
        for (TunInterface t : interfaces) {
            if (t.config().routes(dst)) {
                return t;
            }
        }
        return null;
    }

    /** Starts the one-second key timer that expires SA lifetimes. */
    public void startTimers() {
        lifetimes.start();
    }

    /** Key-timer ticks that failed with an exception (zero unless there is a bug). */
    public long timerFailures() {
        return lifetimes.failures();
    }

    /** Runs one key-timer tick now (tests with a fixed clock call this). */
    public void tick() {
        lifetimes.tick();
        keepalive.tick();
        nat.expire(clock.millis());
    }

    /** Sends a locally generated IP packet through the output path (global SPD). */
    public boolean send(byte[] ip) {
        return send(ip, null);
    }

    /** Sends with a per-socket policy that takes precedence over the SPD ({@code ping -P}). */
    public boolean send(byte[] ip, SocketPolicy socketPolicy) {
        PacketScratch scratch = PacketScratch.get();
        int mark = scratch.mark();
        try {
            // one copy into a buffer with room for the headers the output path puts in front
            return route(output.send(scratch.take().load(ip, 0, ip.length), socketPolicy, false));
        } finally {
            scratch.release(mark);
        }
    }

    /** Input from a test or a caller that keeps its array (it is copied: forwarding changes a packet in place). */
    public void receive(byte[] ip) {
        PacketScratch scratch = PacketScratch.get();
        int mark = scratch.mark();
        try {
            receive(scratch.take().load(ip, 0, ip.length));
        } finally {
            scratch.release(mark);
        }
    }

    /**
     * Input from the link: the packet value it parsed, in the link's buffer, used in place (a
     * forwarded packet is sealed where it lies). Never throws for a bad packet.
     */
    public void receive(Packet ip) {
        PacketScratch scratch = PacketScratch.get();
        int mark = scratch.mark();
        try {
            if (nat.active()) {
                byte[] back = nat.inbound(ip.toByteArray(), clock.millis());
                if (back != null) {
                    route(output.send(scratch.take().load(back, 0, back.length), null, true));
                    return;
                }
            }
            InputFrame frame = InputFrame.enter();
            try {
                switch (input.receive(ip, frame)) {
                    case DELIVER:
                        deliver(frame.delivered);
                        break;
                    case FORWARD:
                        forward(frame.forward);
                        break;
                    default:
                        break;
                }
            } finally {
                frame.exit();
            }
        } finally {
            scratch.release(mark);
        }
    }

    /** A packet passing through: source-translated when a nat rule says so, then sent on. */
    private void forward(Packet ip) {
        if (nat.active()) {
            Nat.Outcome o = nat.outbound(ip.toByteArray(), clock.millis());
            if (o.refused()) {
                drops.drop(DropReason.NAT_UNTRANSLATABLE, false, null, "nat: " + o.refusal(), List.of());
                return;
            }
            if (o.translated()) {
                ip = PacketScratch.get().take().load(o.packet(), 0, o.packet().length);
            }
        }
        route(output.send(ip, null, true));
    }

    /** A packet the output path addressed to this host itself comes back in as input. */
    private boolean route(Sent sent) {
        if (sent instanceof Sent.ToSelf self) {
            receive(self.packet());
        }
        return !(sent instanceof Sent.Dropped);
    }

    /**
     * Subscribe to packets delivered to this host (decrypted, policy-checked), on the thread that
     * received them. The Delivered is the input path's, valid during the call: read it there, or
     * {@link Delivered#keep} it.
     */
    public AutoCloseable onDelivered(Consumer<Delivered> listener) {
        changeDeliveryListeners(l -> l.add(listener));
        return () -> changeDeliveryListeners(l -> l.remove(listener));
    }

    /** Replaces the listener list by a changed copy (a delivery in progress keeps reading the old one). */
    private void changeDeliveryListeners(Consumer<List<Consumer<Delivered>>> change) {
        synchronized (deliveryListenersLock) {
            List<Consumer<Delivered>> copy = new ArrayList<>(deliveryListeners);
            change.accept(copy);
            deliveryListeners = List.copyOf(copy);
        }
    }

    private static DropReason linkDrop(LinkStat kind) {
        switch (kind) {
            case STRANGER:
                return DropReason.LINK_STRANGER;
            case MALFORMED:
                return DropReason.LINK_MALFORMED;
            default:
                return DropReason.LINK_HANDLER_FAILED;
        }
    }

    private void deliver(Delivered d) {
        String bad = IcmpCheck.problem(d.view());
        if (bad != null) {
            drops.drop(DropReason.BAD_CHECKSUM, d.view().v6(), null, bad + IcmpCheck.layers(d),
                    List.of());
            return;
        }
        Packet reply = echo.handle(d);
        if (reply != null) {
            route(output.send(reply, null, false));
        }
        List<Consumer<Delivered>> listeners = deliveryListeners;
        for (int i = 0; i < listeners.size(); i++) {
            Consumer<Delivered> l = listeners.get(i);
            try {
                l.accept(d);
            } catch (RuntimeException ignored) {
                // a script's listener must not break the input path
            }
        }
    }

    /** The next IPv4 identification for a packet this host originates. */
    public int nextIpId() {
        return ipId.getAndIncrement() & 0xffff;
    }

    @Override
    public void close() {
        lifetimes.stop();
        for (TunInterface t : interfaces) {
            t.close();
        }
        UdpLink l = link;
        if (l != null) {
            l.close();
        }
    }

    @Override
    public String toString() {
        return "Host[" + name + " " + addresses + "]";
    }
}
