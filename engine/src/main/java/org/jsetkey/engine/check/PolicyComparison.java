package org.jsetkey.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Flow;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;

/**
 * Whether one host's IPsec policies would find what they need, for traffic between its own
 * addresses and the peer's: an {@code out} policy needs an SA on this host for every rule;
 * an {@code in} policy needs the peer to hold that SA and to apply it by its own {@code out}
 * policy. Levels are not weighed: a rule at level {@code use} or {@code default} with no SA
 * is reported too, as it sends in the clear where the configuration asks for protection.
 */
final class PolicyComparison {
    private PolicyComparison() {
    }

    static List<Finding> compare(Summary self, Summary peer) {
        List<Finding> out = new ArrayList<>();
        var peerSpd = peer.spd();
        for (SpdEntry e : self.spd().snapshot()) {
            Policy p = e.policy();
            if (p.action() != PolicyAction.IPSEC || p.direction() == Direction.FWD) {
                continue;
            }
            boolean outbound = p.direction() == Direction.OUT;
            Summary sender = outbound ? self : peer;
            Summary receiver = outbound ? peer : self;
            for (IpAddress a : sender.addresses()) {
                for (IpAddress b : receiver.addresses()) {
                    if (!a.sameFamily(b) || !p.selector().src().contains(a) || !p.selector().dst().contains(b)) {
                        continue;
                    }
                    int upper = p.selector().upperProtocol() != IpProtocol.ANY.number() ? p.selector().upperProtocol()
                            : a.isV4() ? IpProtocol.ICMP.number() : IpProtocol.ICMPV6.number();
                    Flow flow = new Flow(a, b, upper, p.selector().srcPort(), p.selector().dstPort());
                    String name = self.name() + "'s policy " + a.format() + "->" + b.format() + " "
                            + p.direction().keyword();
                    if (outbound) {
                        out.addAll(rules(name, p, a, b, self, self.name() + " holds none"));
                    } else {
                        out.addAll(rules(name, p, a, b, peer, peer.name() + " holds none to send with"));
                        Optional<SpdEntry> theirs = peerSpd.lookup(Direction.OUT, flow);
                        out.add(applied(name, p, theirs, peer, a, b));
                    }
                }
            }
        }
        return out;
    }

    private static List<Finding> rules(String name, Policy p, IpAddress a, IpAddress b, Summary holder, String lack) {
        List<Finding> out = new ArrayList<>();
        for (PolicyRule r : p.rules()) {
            IpAddress src = r.hasEndpoints() ? r.tunnelSrc() : a;
            IpAddress dst = r.hasEndpoints() ? r.tunnelDst() : b;
            String proto = r.proto().keyword();
            boolean held = false;
            for (SaLine s : holder.sas()) {
                held |= s.src().equals(src) && s.dst().equals(dst) && s.proto().equals(proto)
                        && (s.mode().equals("any") || s.mode().equals(r.mode().keyword()));
            }
            String what = name + " needs an " + proto + "/" + r.mode().keyword() + " SA " + src.format() + "->"
                    + dst.format() + " (" + r.format() + ")";
            out.add(held ? Finding.match(what + ": " + holder.name() + " holds it")
                    : Finding.mismatch(what + "; " + lack, "on " + holder.name() + ": `add " + src.format() + " "
                            + dst.format() + " " + proto + " SPI -m " + r.mode().keyword() + " ...;` with the SPI, "
                            + "algorithms and key the other host uses"));
        }
        return out;
    }

    /** The peer's out policy for the flow must apply every protocol this in policy requires. */
    private static Finding applied(String name, Policy in, Optional<SpdEntry> theirs, Summary peer, IpAddress a,
                                   IpAddress b) {
        String need = rulesText(in.rules());
        if (theirs.isEmpty() || theirs.get().policy().action() != PolicyAction.IPSEC) {
            String sends = theirs.isEmpty() ? "has no out policy for it" : "sends it with action "
                    + theirs.get().policy().action().keyword();
            return Finding.mismatch(name + " requires " + need + "; " + peer.name() + " " + sends,
                    "on " + peer.name() + ": `spdadd " + a.format() + " " + b.format() + " any -P out ipsec " + need
                            + ";`");
        }
        List<PolicyRule> got = theirs.get().policy().rules();
        List<String> missing = new ArrayList<>();
        for (PolicyRule r : in.rules()) {
            boolean found = false;
            for (PolicyRule g : got) {
                found |= g.proto() == r.proto() && g.mode() == r.mode();
            }
            if (!found) {
                missing.add(r.proto().keyword() + "/" + r.mode().keyword());
            }
        }
        if (missing.isEmpty()) {
            return Finding.match(name + " requires " + need + ": " + peer.name() + "'s out policy applies "
                    + rulesText(got));
        }
        return Finding.mismatch(name + " requires " + need + "; " + peer.name() + "'s out policy applies only "
                        + rulesText(got) + " (missing " + String.join(", ", missing) + ")",
                "give both policies the same protocols and modes");
    }

    private static String rulesText(List<PolicyRule> rules) {
        List<String> l = new ArrayList<>();
        for (PolicyRule r : rules) {
            l.add(r.format());
        }
        return String.join(" ", l);
    }
}
