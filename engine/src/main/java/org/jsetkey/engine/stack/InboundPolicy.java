package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.sysctl.SysctlNames;

/**
 * The check after decapsulation: was the packet protected as the matching {@code in}
 * policy demands? A rule whose effective level is require/unique must be matched by a
 * verified layer of the same protocol and mode (and end points, when the rule names them).
 */
final class InboundPolicy {
    private final Datapath dp;

    InboundPolicy(Datapath dp) {
        this.dp = dp;
    }

    boolean allows(Packet ip, LayerTrail layers, boolean v6) {
        IpAddress from = ip.source();
        IpAddress to = ip.destination();
        SpdEntry entry = dp.spd().find(Direction.IN, from, to, ip.protocol(), ip.sourcePort(), ip.destinationPort());
        if (entry == null) {
            String knob = v6 ? SysctlNames.IPSEC6_DEF_POLICY : SysctlNames.IPSEC_DEF_POLICY;
            if (dp.sysctl().getInt(knob) == 0) {
                dp.drops().drop(DropReason.IN_POLICY_DISCARD, v6, null, "inbound " + from + " > " + to
                        + " discarded by " + knob + "=0", List.of());
                return false;
            }
            return true;
        }
        entry.markUsed(dp.clock().millis());
        PolicyAction action = entry.policy().action();
        if (action == PolicyAction.DISCARD) {
            dp.drops().drop(DropReason.IN_POLICY_DISCARD, v6, null, "inbound " + from + " > " + to
                    + " discarded by policy spid=" + entry.id(), List.of());
            return false;
        }
        if (action != PolicyAction.IPSEC) {
            return true;
        }
        List<String> missing = null; // made only for a refusal
        List<PolicyRule> rules = entry.policy().rules();
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            if (Levels.required(rule, v6, dp.sysctl()) && !covered(rule, layers)) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(rule.format());
            }
        }
        if (missing == null) {
            return true;
        }
        dp.drops().drop(DropReason.IN_POLICY_VIOLATION, v6, null, "inbound " + from + " > " + to
                + " lacks " + String.join(" ", missing) + " required by policy spid=" + entry.id()
                + "; it carried " + describe(layers), List.of());
        return false;
    }

    private static boolean covered(PolicyRule rule, LayerTrail layers) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.type(i) != rule.proto() || layers.mode(i) != rule.mode()) {
                continue;
            }
            if (rule.hasEndpoints() && !(rule.tunnelSrc().equals(layers.source(i))
                    && rule.tunnelDst().equals(layers.destination(i)))) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static String describe(LayerTrail layers) {
        if (layers.size() == 0) {
            return "no IPsec protection";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < layers.size(); i++) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(layers.type(i).keyword()).append('/').append(layers.mode(i).keyword()).append(" spi ")
                    .append(layers.spi(i));
        }
        return sb.toString();
    }
}
