package org.jsetkey.shell.groovy;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import groovy.lang.Closure;
import org.jsetkey.engine.check.PeerCheckResult;
import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.nat.NatRuleParser;
import org.jsetkey.engine.nat.NatSyntaxError;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.print.NetstatFormatter;
import org.jsetkey.engine.print.PingReport;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.stack.Protection;
import org.jsetkey.engine.sysctl.SysctlCommand;
import org.jsetkey.engine.sysctl.SysctlResult;
import org.jsetkey.engine.tool.Inspector;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;
import org.jsetkey.shell.command.SetkeyLanguage;
import org.jsetkey.shell.command.Words;
import org.jsetkey.shell.lab.PeerCheckService;
import org.jsetkey.shell.lab.PingService;

/**
 * One host as scripts drive it: {@code setkey}, {@code dump}, {@code ping}, {@code capture},
 * {@code on}, the SAD/SPD as lists, sysctl and link. The console's own host and every
 * {@code newHost(...)} are instances of this class, so they share one API.
 */
public final class ScriptedHost implements AutoCloseable {
    static final String SETKEY_SOURCE = "<setkey>";

    private final ScriptHost owner;
    private final Host host;
    private final Setkey setkey;
    private final SetkeyLanguage language;
    private final boolean owned;
    private final PingService pings;

    ScriptedHost(ScriptHost owner, Host host, Setkey setkey, SetkeyLanguage language, boolean owned) {
        this.owner = owner;
        this.host = host;
        this.setkey = setkey;
        this.language = language;
        this.owned = owned;
        this.pings = new PingService(host);
    }

    ScriptHost owner() {
        return owner;
    }

    /** The engine host itself (the same object the console uses). */
    public Host getEngine() {
        return host;
    }

    public String getName() {
        return host.name();
    }

    public List<String> getAddresses() {
        List<String> out = new ArrayList<>();
        for (IpAddress a : host.addresses()) {
            out.add(a.format());
        }
        return out;
    }

    /**
     * Runs setkey statements; returns what they print (dump, get).
     *
     * @throws SetkeyException with the positioned diagnostics when any statement fails
     */
    public String setkey(String text) {
        return runSetkey(text, SETKEY_SOURCE, false);
    }

    /**
     * Runs a configuration file as {@code run FILE} does (setkey statements, sysctl and ip xfrm
     * lines); diagnostics name the file.
     */
    public String setkey(File file) throws IOException {
        return runSetkey(Files.readString(file.toPath(), StandardCharsets.UTF_8), file.getPath(), true);
    }

    /** Through the host's language, as the console runs statements: autosave batches them and a failed write fails. */
    private String runSetkey(String text, String source, boolean file) {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        SetkeyListener listener = new SetkeyListener() {
            @Override
            public void output(String t) {
                out.append(t);
            }

            @Override
            public void diagnostic(Diagnostic d) {
                if (d.severity() == Diagnostic.Severity.ERROR) {
                    errors.add(d.format());
                } else if (d.severity() == Diagnostic.Severity.WARNING) {
                    owner.errorln(d.format());
                } else {
                    out.append(d.message()).append('\n');
                }
            }
        };
        SetkeyResult r = file ? language.runFile(text, source, listener) : language.run(text, source, listener);
        if (r.failed()) {
            throw new SetkeyException(errors.isEmpty()
                    ? "setkey: the change is not on disk (autosave failed, see the message above)"
                    : String.join("\n", errors));
        }
        return out.toString();
    }

    /** The SAD as {@code setkey -D} prints it. */
    public String dump() {
        return setkey.dumpSad(false);
    }

    /** The SAs of one protocol ({@code esp}, {@code ah}, {@code ipcomp}) as {@code setkey -D} prints them. */
    public String dump(String proto) {
        return runSetkey("dump " + proto + ";", SETKEY_SOURCE, false);
    }

    /** The SPD as {@code setkey -DP} prints it. */
    public String spddump() {
        return setkey.dumpSpd();
    }

    public List<SaView> getSad() {
        List<SaView> out = new ArrayList<>();
        for (SaEntry e : host.sad().snapshot()) {
            out.add(new SaView(e));
        }
        return out;
    }

    public List<PolicyView> getSpd() {
        List<PolicyView> out = new ArrayList<>();
        for (SpdEntry e : host.spd().snapshot()) {
            out.add(new PolicyView(e));
        }
        return out;
    }

    public SysctlView getSysctl() {
        return new SysctlView(host.sysctl());
    }

    /** Runs {@code sysctl ARGS} (e.g. {@code sysctl('net.inet.ipsec.esp_trans_deflev=2')}); returns its output. */
    public String sysctl(String args) {
        SysctlResult r = SysctlCommand.run(host.sysctl(), Words.split(args));
        if (r.failed()) {
            throw new IllegalArgumentException(r.err().strip());
        }
        return r.out();
    }

    /** {@code netstat -s -p PROTO} text: {@code ipsec}, {@code ipsec6}, {@code ah}, {@code esp}, {@code ipcomp}. */
    public String netstat(String proto) {
        if (!NetstatFormatter.PROTOCOLS.contains(proto)) {
            throw new IllegalArgumentException("netstat: " + proto + " (expected: "
                    + String.join(", ", NetstatFormatter.PROTOCOLS) + ")");
        }
        return NetstatFormatter.format(host.counters(), proto, false);
    }

    /** The NAT rules and translations as {@code nat} prints them, then the NAT-T counters. */
    public String nat() {
        String natt = host.natt().format();
        return host.nat().format(host.clock().millis()) + (natt.equals("natt:\n") ? "" : natt);
    }

    /** Adds a pf rule, {@code nat('nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1')}; throws with the column. */
    public ScriptedHost nat(String rule) {
        try {
            host.nat().add(NatRuleParser.parse(rule));
        } catch (NatSyntaxError e) {
            throw new IllegalArgumentException("nat: " + e.getMessage() + " at column " + e.column() + " of \""
                    + rule + "\"");
        }
        return this;
    }

    /** The link, or null when the host has none. */
    public LinkView getLink() {
        UdpLink l = host.link();
        return l == null ? null : new LinkView(l);
    }

    /** Adds an address to the host. */
    public ScriptedHost addAddress(String address) {
        host.addAddress(IpAddress.parse(address));
        return this;
    }

    /** Binds the link: {@code '127.0.0.1:7001'}, a port, or 0 for a free port. */
    public ScriptedHost listen(Object where) throws IOException {
        if (host.link() != null) {
            throw new IllegalStateException("listen: " + getName() + " already has a link on " + getLink().getLocal());
        }
        host.listen(endpoint(where));
        return this;
    }

    /** Adds a peer: {@code '127.0.0.1:7002[=PREFIX]'}, or another scripted host (then each is the other's peer). */
    public ScriptedHost addPeer(Object peer) {
        if (peer instanceof ScriptedHost other) {
            host.addPeer(new Peer(other.requireLink().localAddress(), List.of()));
            if (other.host.link().peers().stream().noneMatch(p -> p.endpoint().equals(requireLink().localAddress()))) {
                other.host.addPeer(new Peer(requireLink().localAddress(), List.of()));
            }
        } else {
            host.addPeer(Peer.parse(String.valueOf(peer)));
        }
        return this;
    }

    private static InetSocketAddress endpoint(Object where) {
        String text = String.valueOf(where).strip();
        if (text.equals("0") || text.endsWith(":0")) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }
        return Endpoints.parse(text);
    }

    UdpLink requireLink() {
        UdpLink l = host.link();
        if (l == null) {
            throw new IllegalStateException(getName() + " has no link (start it with --listen or listen(...))");
        }
        return l;
    }

    /** {@code peerCheck()} with every peer, {@code peerCheck('cardinal')} with one (name, endpoint or address). */
    public PeerCheckView peerCheck(Object peer) throws InterruptedException {
        String word = peer == null ? null : String.valueOf(peer);
        List<PeerCheckResult> r = PeerCheckService.run(host, word, PeerCheckService.DEFAULT_TIMEOUT_MILLIS);
        return new PeerCheckView(r, PeerCheckService.format(host, r));
    }

    /** {@code ping(dest)}: one probe. */
    public PingView ping(Object dest) {
        return ping(Map.of(), dest);
    }

    /**
     * Pings like iputils and prints its lines (unless {@code quiet: true}), through the same
     * {@link PingService} as the {@code ping} command, with its defaults. Options: count (1),
     * interval (seconds, 1), size (56), wait (seconds, 10), source, quiet.
     */
    public PingView ping(Map<String, ?> opts, Object dest) {
        Options o = new Options("ping", opts, List.of("count", "interval", "size", "wait", "source", "quiet"));
        IpAddress to = destination(dest);
        String source = o.string("source", null);
        PingOptions po = new PingOptions(to, source == null ? null : IpAddress.parse(source),
                o.integer("count", 1), o.millis("interval", PingService.DEFAULT_INTERVAL_MILLIS),
                o.integer("size", PingService.DEFAULT_SIZE), o.millis("wait", PingService.DEFAULT_WAIT_MILLIS), null);
        boolean quiet = o.bool("quiet");
        String typed = String.valueOf(dest instanceof ScriptedHost ? to.format() : dest);
        List<Map<String, Object>> replies = java.util.Collections.synchronizedList(new ArrayList<>());
        PingService.Outcome outcome;
        try {
            outcome = pings.run(po, new PingService.Listener() {
                @Override
                public void started() {
                    if (!quiet) {
                        owner.println(PingReport.header(typed, to, po.size()));
                    }
                }

                @Override
                public void reply(Ping.Reply reply) {
                    replies.add(replyMap(reply));
                    if (!quiet) {
                        owner.println(PingReport.reply(reply.bytes(), reply.from(), typed, reply.seq(), reply.ttl(),
                                reply.rttMicros(), reply.duplicate()));
                    }
                }
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("ping: " + e.getMessage(), e);
        }
        PingResult r = outcome.result();
        if (!quiet) {
            owner.out(PingService.summary(typed, po, r));
            if (outcome.note() != null) {
                owner.errorln("ping: " + outcome.note());
            }
        }
        return new PingView(r, new ArrayList<>(replies));
    }

    private static Map<String, Object> replyMap(Ping.Reply reply) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", reply.seq());
        m.put("bytes", reply.bytes());
        m.put("from", reply.from().format());
        m.put("ttl", reply.ttl());
        m.put("rtt", reply.rttMicros() < 0 ? null : java.math.BigDecimal.valueOf(reply.rttMicros(), 3));
        m.put("duplicate", reply.duplicate());
        List<String> layers = new ArrayList<>();
        for (Protection p : reply.protections()) {
            layers.add(p.type().keyword());
        }
        m.put("layers", layers);
        return m;
    }

    private IpAddress destination(Object dest) {
        if (dest instanceof ScriptedHost other) {
            List<IpAddress> theirs = other.host.addresses();
            for (IpAddress a : theirs) {
                if (host.sourceFor(a) != null) {
                    return a;
                }
            }
            throw new IllegalArgumentException("ping: " + other.getName() + " has no address of a family "
                    + getName() + " has");
        }
        IpAddress a = IpAddress.tryParse(String.valueOf(dest));
        if (a == null) {
            throw new IllegalArgumentException("ping: " + dest + ": not a numeric IPv4 or IPv6 address");
        }
        return a;
    }

    /** {@code capture(count: N, timeout: S)}: the packets, no callback. */
    public List<Packet> capture(Map<String, ?> opts) throws InterruptedException {
        return capture(opts, null);
    }

    /**
     * Captures packets crossing this host's link until {@code count} (10) were seen or
     * {@code timeout} seconds (5) passed; runs {@code during} (a closure) first, if given,
     * and calls {@code each} for every packet on the script's thread. Options: count,
     * timeout, during, direction ('in' or 'out').
     */
    public List<Packet> capture(Map<String, ?> opts, Closure<?> each) throws InterruptedException {
        requireLink();
        return new Capture(host, opts).run(each);
    }

    /**
     * Calls {@code callback} for every event of {@code type} ({@link Events#TYPES}; {@code packet}
     * is every packet on the link but the hosts' own announcements). Callbacks run one at a time on the script event thread.
     * Returns a handle: {@code cancel()} stops it.
     */
    public Subscription on(String type, Closure<?> callback) {
        AutoCloseable handle;
        if (type.equals("packet")) {
            Inspector inspector = new Inspector(host);
            handle = requireLink().tap(p -> {
                if (!p.control()) {
                    owner.dispatcher().dispatch(type, callback, Packet.of(p, inspector));
                }
            });
        } else if (Events.TYPES.contains(type)) {
            handle = host.events().subscribe(e -> {
                if (Events.type(e).equals(type)) {
                    owner.dispatcher().dispatch(type, callback, Events.toMap(e));
                }
            });
        } else {
            throw new IllegalArgumentException("on: unknown event '" + type + "' (expected: "
                    + String.join(", ", Events.TYPES) + ")");
        }
        Subscription s = new Subscription(type, handle);
        owner.track(s);
        return s;
    }

    /** Polls {@code condition} until it is true or {@code seconds} passed; true when it became true. */
    public boolean waitFor(Number seconds, Closure<?> condition) throws InterruptedException {
        return owner.waitFor(seconds, condition);
    }

    /** Stops a host made by {@code newHost} (its link and timers); the console's own host stays up. */
    @Override
    public void close() {
        if (owned) {
            host.close();
        }
    }

    @Override
    public String toString() {
        return "host " + (getName().isEmpty() ? "(unnamed)" : getName()) + " " + getAddresses();
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a tap or subscription cannot fail in a way worth reporting
        }
    }

    static void addAll(List<String> into, Object value) {
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                into.add(String.valueOf(o));
            }
        } else if (value != null) {
            into.add(String.valueOf(value));
        }
    }
}
