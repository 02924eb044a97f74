package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Selector;
import org.jsetkey.engine.spd.SpdEntry;

/** One SPD entry for scripts. */
public final class PolicyView {
    private final long id;
    private final String src;
    private final String dst;
    private final int srcPort;
    private final int dstPort;
    private final String upper;
    private final String direction;
    private final String action;
    private final List<String> rules;

    PolicyView(SpdEntry e) {
        Policy p = e.policy();
        Selector s = p.selector();
        id = e.id();
        src = s.src().format();
        dst = s.dst().format();
        srcPort = s.srcPort();
        dstPort = s.dstPort();
        upper = s.upperProtocol() == IpProtocol.ANY.number() ? "any" : IpProtocol.scriptName(s.upperProtocol());
        direction = p.direction().keyword();
        action = p.action().keyword();
        List<String> r = new ArrayList<>();
        for (PolicyRule rule : p.rules()) {
            r.add(rule.format());
        }
        rules = List.copyOf(r);
    }

    public long getId() {
        return id;
    }

    public String getSrc() {
        return src;
    }

    public String getDst() {
        return dst;
    }

    public int getSrcPort() {
        return srcPort;
    }

    public int getDstPort() {
        return dstPort;
    }

    /** The upper-layer protocol: {@code any}, {@code icmp}, {@code tcp}, ... */
    public String getUpper() {
        return upper;
    }

    /** {@code in}, {@code out} or {@code fwd}. */
    public String getDirection() {
        return direction;
    }

    /** {@code ipsec}, {@code none}, {@code discard}, ... */
    public String getAction() {
        return action;
    }

    /** The ipsec rules as written: {@code ['esp/transport//require', 'ah/transport//require']}. */
    public List<String> getRules() {
        return rules;
    }

    @Override
    public String toString() {
        return src + " " + dst + " " + upper + " -P " + direction + " " + action
                + (rules.isEmpty() ? "" : " " + String.join(" ", rules));
    }
}
