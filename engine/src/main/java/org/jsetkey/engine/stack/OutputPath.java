package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Flow;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.IpsecStat;
import org.jsetkey.engine.stats.XformStat;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.xform.XformException;
import org.jsetkey.engine.xform.XformFailure;

/**
 * The IP output path: SPD lookup (per-socket policy first), SA bundle resolution by
 * level, transforms in rule order (first rule innermost), then the link or loopback.
 */
final class OutputPath {
    private final Host host;

    OutputPath(Host host) {
        this.host = host;
    }

    private record Step(PolicyRule rule, SaEntry sa) {
    }

    boolean send(byte[] ip, SocketPolicy socketPolicy, boolean forwarding) {
        Flow flow;
        try {
            flow = Flows.of(ip);
        } catch (IllegalArgumentException e) {
            host.drop(DropReason.OUT_INVALID, false, null, "unparseable outbound packet: " + e.getMessage(),
                    List.of());
            return false;
        }
        boolean v6 = flow.src().isV6();
        if (forwarding) {
            ip = Forwarding.decrementTtl(ip);
            if (ip == null) {
                host.drop(DropReason.TTL_EXCEEDED, v6, null, "TTL exceeded forwarding " + flow.src() + " > "
                        + flow.dst(), List.of());
                return false;
            }
        }
        PolicyAction action;
        List<PolicyRule> rules;
        SpdEntry entry = null;
        if (socketPolicy != null && socketPolicy.action() != PolicyAction.ENTRUST) {
            action = socketPolicy.action();
            rules = socketPolicy.rules();
        } else {
            Optional<SpdEntry> found = host.spd().lookup(Direction.OUT, flow);
            if (found.isPresent()) {
                entry = found.get();
                entry.markUsed(host.clock().millis());
                action = entry.policy().action();
                rules = entry.policy().rules();
            } else {
                action = defaultAction(v6);
                rules = List.of();
            }
        }
        if (action == PolicyAction.DISCARD) {
            host.drop(DropReason.OUT_POLICY_DISCARD, v6, null, "outbound " + flow.src() + " > " + flow.dst()
                    + " discarded by " + (entry == null ? "net.inet.ipsec.def_policy=0" : "policy spid=" + entry.id()),
                    List.of());
            return false;
        }
        if (action != PolicyAction.IPSEC) {
            return transmit(ip, v6);
        }
        List<Step> steps = new ArrayList<>();
        for (PolicyRule rule : rules) {
            IpAddress src = rule.hasEndpoints() ? rule.tunnelSrc() : flow.src();
            IpAddress dst = rule.hasEndpoints() ? rule.tunnelDst() : flow.dst();
            long reqid = rule.level() == Level.UNIQUE ? rule.reqid() : 0;
            boolean preferOld = host.sysctl().getInt(SysctlNames.KEY_PREFERRED_OLDSA) != 0;
            Optional<SaEntry> sa = host.sad().findOutbound(src, dst, rule.proto(), rule.mode(), reqid, preferOld);
            if (sa.isPresent()) {
                steps.add(new Step(rule, sa.get()));
                continue;
            }
            if (Levels.required(rule, v6, host.sysctl())) {
                host.acquirer().acquire(src, dst, rule, entry);
                host.drop(DropReason.OUT_NO_SA, v6, rule.proto(), "no " + rule.proto().keyword() + " SA from "
                        + src + " to " + dst + " for " + rule.format()
                        + (entry == null ? " (socket policy)" : " (policy spid=" + entry.id() + ")")
                        + "; ACQUIRE raised", List.of());
                return false;
            }
        }
        for (Step s : steps) {
            ip = seal(ip, s, v6);
            if (ip == null) {
                return false;
            }
        }
        if (steps.size() > 1) {
            host.counters().add(v6, IpsecStat.OUT_BUNDLESA);
        }
        return transmit(ip, v6);
    }

    private byte[] seal(byte[] ip, Step s, boolean v6) {
        SaEntry sa = s.sa();
        SecurityAssociation cfg = sa.sa();
        int before = ip.length;
        byte[] out;
        try {
            out = host.xform().seal(ip, sa, s.rule().mode(), s.rule().tunnelSrc(), s.rule().tunnelDst());
        } catch (XformException e) {
            DropReason r = e.kind() == XformFailure.SEQ_OVERFLOW ? DropReason.SEQ_OVERFLOW
                    : e.kind() == XformFailure.NO_TRANSFORM ? DropReason.NO_TRANSFORM : DropReason.OUT_INVALID;
            host.drop(r, v6, cfg.type(), cfg.type().keyword() + " spi " + cfg.spi() + ": " + e.detail(), List.of());
            return null;
        }
        sa.allocate();
        SaType type = cfg.type();
        host.counters().add(type, XformStat.OUTPUT);
        host.counters().add(type, XformStat.OBYTES, before);
        if (type == SaType.IPCOMP && out.length >= before && out.length - before < 4) {
            host.counters().add(type, XformStat.UNCOMPR);
        }
        int algId = type == SaType.AH ? id(cfg.authAlg()) : type == SaType.ESP ? id(cfg.encAlg()) : id(cfg.compAlg());
        host.counters().output(type, algId);
        return out;
    }

    private static int id(Algorithm a) {
        return a == null ? 0 : a.sadbId();
    }

    private PolicyAction defaultAction(boolean v6) {
        String knob = v6 ? SysctlNames.IPSEC6_DEF_POLICY : SysctlNames.IPSEC_DEF_POLICY;
        return host.sysctl().getInt(knob) == 0 ? PolicyAction.DISCARD : PolicyAction.NONE;
    }

    private boolean transmit(byte[] ip, boolean v6) {
        IpAddress dst = IpPacket.destination(ip);
        if (host.isLocal(dst)) {
            host.receive(ip);
            return true;
        }
        UdpLink link = host.link();
        if (link == null || !link.send(ip, dst)) {
            host.drop(DropReason.OUT_NO_ROUTE, v6, null, "no route to " + dst
                    + (link == null ? " (this host has no link)" : " (no peer owns it)"), List.of());
            return false;
        }
        return true;
    }
}
