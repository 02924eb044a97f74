package org.jsetkey.engine.nat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.PacketView;

/**
 * Source NAT with port translation on a router (pf's {@code nat}): a forwarded packet that a rule
 * matches leaves with the rule's address and, for UDP and TCP, a source port from 50001-65535
 * (pf's default range); ICMP echo gets a new id. Replies to that address and port are mapped
 * back. Translations expire when unused (pf's defaults: UDP 60 s, ICMP 20 s, TCP 24 h, other 60 s).
 *
 * <p>Without ports a port-translating NAT cannot tell which inside host a reply is for: ESP is
 * refused ("ESP has no ports to translate"). AH passes with its address rewritten (one inside host
 * per remote, as pf keys other protocols by address), so the receiver meets the other NAT problem:
 * AH's ICV covers the source address the NAT changed.
 */
public final class Nat {
    static final int FIRST_PORT = 50001;
    static final int LAST_PORT = 65535;

    /** A packet the NAT looked at: translated, refused with a reason, or not the NAT's business. */
    public record Outcome(byte[] packet, String refusal) {
        static final Outcome UNTOUCHED = new Outcome(null, null);

        public boolean translated() {
            return packet != null;
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    private record Key(int protocol, IpAddress local, int localPort, IpAddress remote, int remotePort) {
    }

    private final List<NatRule> rules = new CopyOnWriteArrayList<>();
    private final Map<Key, Mapping> byInside = new HashMap<>();
    private final Map<Key, Mapping> byOutside = new HashMap<>();
    private final Set<Key> usedPorts = new HashSet<>();
    private int nextPort = FIRST_PORT;
    /** Packets refused, by the short reason (what precedes the first colon), in first-seen order. */
    private final Map<String, Long> refused = new java.util.LinkedHashMap<>();

    public void add(NatRule rule) {
        rules.add(rule);
    }

    public List<NatRule> rules() {
        return List.copyOf(rules);
    }

    public boolean active() {
        return !rules.isEmpty();
    }

    /** Removes the rules and every translation. */
    public synchronized void flush() {
        rules.clear();
        refused.clear();
        byInside.clear();
        byOutside.clear();
        usedPorts.clear();
    }

    /** Seconds a translation of this protocol lives unused. */
    static long timeoutSeconds(int protocol) {
        if (protocol == IpProtocol.TCP.number()) {
            return 86400;
        }
        return protocol == IpProtocol.ICMP.number() ? 20 : 60;
    }

    /** A packet about to leave the router: translated when a rule matches it. */
    public synchronized Outcome outbound(byte[] ip, long now) {
        if (rules.isEmpty() || ip.length < 20 || (ip[0] & 0xf0) != 0x40) {
            return Outcome.UNTOUCHED;
        }
        IpAddress src = IpPacket.source(ip);
        IpAddress dst = IpPacket.destination(ip);
        NatRule rule = null;
        for (NatRule r : rules) {
            if (r.matches(src, dst)) {
                rule = r;
                break;
            }
        }
        if (rule == null) {
            return Outcome.UNTOUCHED;
        }
        expire(now);
        int proto = ip[9] & 0xff;
        int off = PacketView.ipv4HeaderLength(ip);
        String why = untranslatable(ip, proto, off);
        if (why != null) {
            return refuse(why + " (nat on " + rule.iface() + " -> " + rule.to().format() + ", "
                    + src.format() + " > " + dst.format() + ")");
        }
        boolean ported = hasPorts(proto);
        int port = localPort(ip, proto, off);
        int remotePort = remotePort(ip, proto, off);
        Key in = new Key(proto, src, port, dst, remotePort);
        Mapping m = byInside.get(in);
        if (m == null) {
            int outPort = ported ? allocate(proto, rule.to()) : 0;
            if (outPort < 0) {
                return refuse("no free port left in " + FIRST_PORT + "-" + LAST_PORT);
            }
            if (!ported && byOutside.containsKey(new Key(proto, rule.to(), 0, dst, 0))) {
                return refuse(IpProtocol.label(proto) + " from " + src.format() + " to " + dst.format()
                        + ": another inside host already holds " + rule.to().format() + " for this peer, and "
                        + IpProtocol.label(proto) + " has no ports to tell them apart");
            }
            m = new Mapping(proto, src, port, rule.to(), outPort, dst, remotePort, now);
            byInside.put(in, m);
            byOutside.put(new Key(proto, rule.to(), outPort, dst, remotePort), m);
            usedPorts.add(new Key(proto, rule.to(), outPort, null, 0));
        }
        m.usedOut(now);
        byte[] out = ip.clone();
        rewrite(out, proto, off, 12, m.outside(), ported ? localPortOffset(proto, off) : -1, m.outsidePort());
        return new Outcome(out, null);
    }

    private Outcome refuse(String why) {
        int colon = why.indexOf(':');
        refused.merge(colon < 0 ? why : why.substring(0, colon), 1L, Long::sum);
        return new Outcome(null, why);
    }

    /** Packets refused so far, by short reason. */
    public synchronized Map<String, Long> refused() {
        return Map.copyOf(refused);
    }

    /** A packet to this router: mapped back to the inside host when it answers a translation, else null. */
    public synchronized byte[] inbound(byte[] ip, long now) {
        if (byOutside.isEmpty() || ip.length < 20 || (ip[0] & 0xf0) != 0x40
                || (PacketView.u16(ip, 6) & 0x3fff) != 0) {
            return null;
        }
        expire(now);
        int proto = ip[9] & 0xff;
        int off = PacketView.ipv4HeaderLength(ip);
        if (!hasPorts(proto) && proto != IpProtocol.AH.number() || ip.length < off + minimum(proto)) {
            return null;
        }
        if (proto == IpProtocol.ICMP.number() && (ip[off] & 0xff) != 0) {
            return null; // only echo replies answer an echo translation
        }
        int port = proto == IpProtocol.ICMP.number() ? PacketView.u16(ip, off + 4)
                : hasPorts(proto) ? PacketView.u16(ip, off + 2) : 0;
        int remotePort = proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number()
                ? PacketView.u16(ip, off) : 0;
        Mapping m = byOutside.get(new Key(proto, IpPacket.destination(ip), port, IpPacket.source(ip), remotePort));
        if (m == null) {
            return null;
        }
        m.usedIn(now);
        byte[] out = ip.clone();
        int portOffset = proto == IpProtocol.ICMP.number() ? off + 4 : hasPorts(proto) ? off + 2 : -1;
        rewrite(out, proto, off, 16, m.inside(), portOffset, m.insidePort());
        return out;
    }

    /** Drops translations unused for longer than their protocol's timeout; returns how many. */
    public synchronized int expire(long now) {
        List<Key> gone = new ArrayList<>();
        for (Map.Entry<Key, Mapping> e : byInside.entrySet()) {
            Mapping m = e.getValue();
            if (now - m.lastUsedMillis() > timeoutSeconds(m.protocol()) * 1000) {
                gone.add(e.getKey());
            }
        }
        for (Key k : gone) {
            Mapping m = byInside.remove(k);
            byOutside.remove(new Key(m.protocol(), m.outside(), m.outsidePort(), m.remote(), m.remotePort()));
            usedPorts.remove(new Key(m.protocol(), m.outside(), m.outsidePort(), null, 0));
        }
        return gone.size();
    }

    /** The translations, oldest first. */
    public synchronized List<Mapping> mappings() {
        List<Mapping> l = new ArrayList<>(byInside.values());
        l.sort(Comparator.comparingLong(Mapping::createdMillis).thenComparingInt(Mapping::outsidePort));
        return l;
    }

    /**
     * The table as {@code pfctl -vss} shows states: {@code all PROTO OUTSIDE (INSIDE) -> REMOTE},
     * then age, expiry and packets out:in.
     */
    public synchronized String format(long now) {
        StringBuilder sb = new StringBuilder();
        for (NatRule r : rules) {
            sb.append(r.format()).append('\n');
        }
        for (Mapping m : mappings()) {
            boolean ported = hasPorts(m.protocol());
            boolean remotePorted = m.protocol() != IpProtocol.ICMP.number() && ported;
            sb.append("all ").append(IpProtocol.name(m.protocol())).append(' ')
                    .append(endpoint(m.outside(), m.outsidePort(), ported)).append(" (")
                    .append(endpoint(m.inside(), m.insidePort(), ported)).append(") -> ")
                    .append(endpoint(m.remote(), m.remotePort(), remotePorted)).append('\n');
            long age = (now - m.createdMillis()) / 1000;
            long left = Math.max(0, timeoutSeconds(m.protocol()) - (now - m.lastUsedMillis()) / 1000);
            sb.append("   age ").append(hms(age)).append(", expires in ").append(hms(left)).append(", ")
                    .append(m.packetsOut()).append(':').append(m.packetsIn()).append(" pkts\n");
        }
        refused.forEach((why, n) -> sb.append("refused ").append(n).append(": ").append(why).append('\n'));
        return sb.toString();
    }

    private static String endpoint(IpAddress a, int port, boolean ported) {
        return ported ? a.format() + ":" + port : a.format();
    }

    private static String hms(long s) {
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static boolean hasPorts(int proto) {
        return proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number() || proto == IpProtocol.ICMP.number();
    }

    private static int minimum(int proto) {
        return proto == IpProtocol.TCP.number() ? 20 : 8;
    }

    /** Why the packet cannot be translated, or null. */
    private static String untranslatable(byte[] ip, int proto, int off) {
        String name = IpProtocol.setkeyWord(proto);
        if ((PacketView.u16(ip, 6) & 0x3fff) != 0) {
            return "fragments are not translated";
        }
        if (proto == IpProtocol.ESP.number()) {
            return "ESP has no ports to translate: a port-translating NAT cannot tell which inside host an ESP"
                    + " reply is for; NAT traversal puts ESP in UDP 4500 (esp-udp, RFC 3948)";
        }
        if (proto == IpProtocol.AH.number()) {
            return ip.length < off + 12 ? "AH header cut off" : null;
        }
        if (!hasPorts(proto)) {
            return name + " has no ports to translate";
        }
        if (ip.length < off + minimum(proto)) {
            return name + " header cut off";
        }
        if (proto == IpProtocol.ICMP.number() && (ip[off] & 0xff) != 8) {
            return "ICMP type " + (ip[off] & 0xff) + " has no echo id to translate";
        }
        return null;
    }

    private static int localPortOffset(int proto, int off) {
        return proto == IpProtocol.ICMP.number() ? off + 4 : off;
    }

    private static int localPort(byte[] ip, int proto, int off) {
        return hasPorts(proto) ? PacketView.u16(ip, localPortOffset(proto, off)) : 0;
    }

    private static int remotePort(byte[] ip, int proto, int off) {
        return proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number() ? PacketView.u16(ip, off + 2) : 0;
    }

    private int allocate(int proto, IpAddress outside) {
        for (int i = 0; i <= LAST_PORT - FIRST_PORT; i++) {
            int p = nextPort;
            nextPort = nextPort == LAST_PORT ? FIRST_PORT : nextPort + 1;
            if (!usedPorts.contains(new Key(proto, outside, p, null, 0))) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Puts {@code addr} at {@code addrOffset} (12 source, 16 destination) and {@code port} at
     * {@code portOffset} (-1: none), updating the IPv4, TCP/UDP and ICMP checksums (RFC 1624).
     */
    private static void rewrite(byte[] ip, int proto, int off, int addrOffset, IpAddress addr, int portOffset,
                                int port) {
        byte[] oldAddr = java.util.Arrays.copyOfRange(ip, addrOffset, addrOffset + 4);
        byte[] newAddr = addr.bytes();
        byte[] oldPort = portOffset < 0 ? new byte[0] : java.util.Arrays.copyOfRange(ip, portOffset, portOffset + 2);
        byte[] newPort = {(byte) (port >> 8), (byte) port};
        System.arraycopy(newAddr, 0, ip, addrOffset, 4);
        if (portOffset >= 0) {
            System.arraycopy(newPort, 0, ip, portOffset, 2);
        }
        Ipv4Header.fixChecksum(ip);
        if (proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number()) {
            int field = off + (proto == IpProtocol.TCP.number() ? 16 : 6);
            int sum = PacketView.u16(ip, field);
            if (proto == IpProtocol.UDP.number() && sum == 0) {
                return; // no checksum (ESP in UDP over IPv4 sends none): nothing to keep right
            }
            sum = Checksums.update(Checksums.update(sum, oldAddr, newAddr), oldPort, portOffset < 0 ? oldPort : newPort);
            if (proto == IpProtocol.UDP.number() && sum == 0) {
                sum = 0xffff;
            }
            ip[field] = (byte) (sum >> 8);
            ip[field + 1] = (byte) sum;
        } else if (proto == IpProtocol.ICMP.number() && portOffset >= 0) {
            int sum = Checksums.update(PacketView.u16(ip, off + 2), oldPort, newPort);
            ip[off + 2] = (byte) (sum >> 8);
            ip[off + 3] = (byte) sum;
        }
    }
}
