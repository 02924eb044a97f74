package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.IpsecStat;
import org.jsetkey.engine.stats.XformStat;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.tun.TunInterface;
import org.jsetkey.engine.xform.UdpEncap;
import org.jsetkey.engine.xform.XformException;
import org.jsetkey.engine.xform.XformFailure;

/**
 * The IP output path: SPD lookup (per-socket policy first), SA bundle resolution by
 * level, transforms in rule order (first rule innermost), then the link or loopback.
 */
final class OutputPath {
    private final Datapath dp;
    private final Acquirer acquirer;

    private final IntSupplier preferOldSa;

    OutputPath(Datapath dp, Acquirer acquirer) {
        this.dp = dp;
        this.preferOldSa = dp.sysctl().reader(SysctlNames.KEY_PREFERRED_OLDSA);
        this.acquirer = acquirer;
    }

    private record Step(PolicyRule rule, SaEntry sa) {
    }

    /**
     * The packet {@code ip} goes out: it is sealed in place (the caller hands over a packet it does
     * not need afterwards, in a buffer it keeps from reuse until this returns).
     */
    Sent send(Packet ip, SocketPolicy socketPolicy, boolean forwarding) {
        // what the SPD looks at, read from the packet's parse (ICMP: type and code as the ports)
        IpAddress from;
        IpAddress to;
        int protocol;
        int srcPort;
        int dstPort;
        try {
            from = ip.source();
            to = ip.destination();
            protocol = ip.protocol();
            srcPort = ip.sourcePort();
            dstPort = ip.destinationPort();
        } catch (IllegalArgumentException e) {
            dp.drops().drop(DropReason.OUT_INVALID, false, null, "unparseable outbound packet: " + e.getMessage(),
                    List.of());
            return Sent.DROPPED;
        }
        boolean v6 = from.isV6();
        if (forwarding) {
            if (!Forwarding.decrementTtl(ip)) {
                dp.drops().drop(DropReason.TTL_EXCEEDED, v6, null, "TTL exceeded forwarding " + from + " > "
                        + to, List.of());
                return Sent.DROPPED;
            }
        }
        PolicyAction action;
        List<PolicyRule> rules;
        SpdEntry entry = null;
        if (socketPolicy != null && socketPolicy.action() != PolicyAction.ENTRUST) {
            action = socketPolicy.action();
            rules = socketPolicy.rules();
        } else {
            SpdEntry found = dp.spd().find(Direction.OUT, from, to, protocol, srcPort, dstPort);
            if (found != null) {
                entry = found;
                entry.markUsed(dp.clock().millis());
                action = entry.policy().action();
                rules = entry.policy().rules();
            } else {
                action = defaultAction(v6);
                rules = List.of();
            }
        }
        if (action == PolicyAction.DISCARD) {
            dp.drops().drop(DropReason.OUT_POLICY_DISCARD, v6, null, "outbound " + from + " > " + to
                    + " discarded by " + (entry == null ? "net.inet.ipsec.def_policy=0" : "policy spid=" + entry.id()),
                    List.of());
            return Sent.DROPPED;
        }
        if (action != PolicyAction.IPSEC) {
            return transmit(ip, v6);
        }
        // the SAs the rules found, in order: the first held in locals (a policy of one rule makes
        // nothing per packet), any further ones in a list
        PolicyRule firstRule = null;
        SaEntry firstSa = null;
        List<Step> more = null;
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            IpAddress src = rule.hasEndpoints() ? rule.tunnelSrc() : from;
            IpAddress dst = rule.hasEndpoints() ? rule.tunnelDst() : to;
            long reqid = rule.reqid(); // 0 but for unique:N and a Linux template's reqid (any level)
            boolean preferOld = preferOldSa.getAsInt() != 0;
            SaEntry sa = dp.sad().chooseOutbound(src, dst, rule.proto(), rule.mode(), reqid, preferOld);
            if (sa != null) {
                if (firstSa == null) {
                    firstRule = rule;
                    firstSa = sa;
                } else {
                    if (more == null) {
                        more = new ArrayList<>(rules.size() - 1);
                    }
                    more.add(new Step(rule, sa));
                }
                continue;
            }
            if (Levels.required(rule, v6, dp.sysctl())) {
                acquirer.acquire(src, dst, rule, entry);
                dp.drops().drop(DropReason.OUT_NO_SA, v6, rule.proto(), "no " + rule.proto().keyword() + " SA from "
                        + src + " to " + dst + " for " + rule.format()
                        + (entry == null ? " (socket policy)" : " (policy spid=" + entry.id() + ")")
                        + "; ACQUIRE raised", List.of());
                return Sent.DROPPED;
            }
        }
        if (firstSa != null && !seal(ip, firstRule, firstSa, v6)) {
            return Sent.DROPPED;
        }
        if (more != null) {
            for (Step s : more) {
                if (!seal(ip, s.rule(), s.sa(), v6)) {
                    return Sent.DROPPED;
                }
            }
            dp.counters().add(v6, IpsecStat.OUT_BUNDLESA);
        }
        return transmit(ip, v6);
    }

    private boolean seal(Packet ip, PolicyRule rule, SaEntry sa, boolean v6) {
        SecurityAssociation cfg = sa.sa();
        int before = ip.length();
        try {
            dp.xform().seal(ip, sa, rule.mode(), rule.tunnelSrc(), rule.tunnelDst());
            if (sa.natT() != null) {
                byte[] wrapped = UdpEncap.wrap(ip.toByteArray(), sa.natT());
                ip.load(wrapped, 0, wrapped.length);
                dp.natt().encapsulated();
            }
        } catch (XformException e) {
            DropReason r = e.kind() == XformFailure.SEQ_OVERFLOW ? DropReason.SEQ_OVERFLOW
                    : e.kind() == XformFailure.NO_TRANSFORM ? DropReason.NO_TRANSFORM : DropReason.OUT_INVALID;
            dp.drops().drop(r, v6, cfg.type(), cfg.type().keyword() + " spi " + cfg.spi() + ": " + e.detail(), List.of());
            return false;
        }
        sa.allocate();
        SaType type = cfg.type();
        dp.counters().add(type, XformStat.OUTPUT);
        dp.counters().add(type, XformStat.OBYTES, before);
        if (type == SaType.IPCOMP && ip.length() >= before && ip.length() - before < 4) {
            dp.counters().add(type, XformStat.UNCOMPR);
        }
        int algId = type == SaType.AH ? id(cfg.authAlg()) : type == SaType.ESP ? id(cfg.encAlg()) : id(cfg.compAlg());
        dp.counters().output(type, algId);
        return true;
    }

    private static int id(Algorithm a) {
        return a == null ? 0 : a.sadbId();
    }

    private PolicyAction defaultAction(boolean v6) {
        String knob = v6 ? SysctlNames.IPSEC6_DEF_POLICY : SysctlNames.IPSEC_DEF_POLICY;
        return dp.sysctl().getInt(knob) == 0 ? PolicyAction.DISCARD : PolicyAction.NONE;
    }

    private Sent transmit(Packet ip, boolean v6) {
        IpAddress dst = ip.destination();
        if (dp.isLocal(dst)) {
            // comes back in on this thread while the caller still holds its buffers: a copy
            return new Sent.ToSelf(ip.toByteArray());
        }
        TunInterface tun = dp.interfaceFor(dst);
        if (tun != null) {
            if (tun.send(ip.toByteArray())) {
                return Sent.ON_LINK;
            }
            dp.drops().drop(DropReason.OUT_NO_ROUTE, v6, null, "no route to " + dst + " (interface "
                    + tun.config().name() + " refused it: down, or gone from the OS)", List.of());
            return Sent.DROPPED;
        }
        UdpLink link = dp.link();
        if (link == null || !link.send(ip, dst)) {
            dp.drops().drop(DropReason.OUT_NO_ROUTE, v6, null, "no route to " + dst
                    + (link == null ? " (this host has no link)" : link.peerFor(dst) == null ? " (no peer owns it)"
                    : " (the link's socket did not take it: closed, or its buffer full for a second)"), List.of());
            return Sent.DROPPED;
        }
        return Sent.ON_LINK;
    }
}
