package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.setkey.stmt.SpdDelete;
import org.jsetkey.engine.setkey.stmt.SpdUpdate;
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Selector;

/**
 * What a kernel holds and setkey's language cannot say, put into the policy the setkey parser made
 * from a draft: a template's reqid with level use or above 16383 ({@code use:5}, {@code unique#16385}),
 * and an ICMP type or code of exactly 0. The draft carries the nearest setkey text ({@code use},
 * {@code require}, {@code icmp}), so the parser's other checks still apply.
 */
final class KernelForms {
    private record RuleFix(int index, Level level, long reqid) {
    }

    private final List<RuleFix> rules = new ArrayList<>();
    private boolean typeExact;
    private boolean codeExact;

    /** The {@code index}th rule (0-based) has this level and reqid. */
    void rule(int index, Level level, long reqid) {
        rules.add(new RuleFix(index, level, reqid));
    }

    /** An ICMP type (src) and/or code (dst) 0 that is exact. */
    void exactZero(boolean type, boolean code) {
        typeExact = type;
        codeExact = code;
    }

    boolean isEmpty() {
        return rules.isEmpty() && !typeExact && !codeExact;
    }

    List<Statement> apply(List<Statement> parsed) {
        if (isEmpty()) {
            return parsed;
        }
        List<Statement> out = new ArrayList<>();
        for (Statement s : parsed) {
            if (s instanceof SpdAdd a) {
                out.add(new SpdAdd(policy(a.policy())));
            } else if (s instanceof SpdUpdate u) {
                out.add(new SpdUpdate(policy(u.policy())));
            } else if (s instanceof SpdDelete d) {
                out.add(new SpdDelete(selector(d.selector()), d.direction(), d.context()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private Policy policy(Policy p) {
        List<PolicyRule> r = new ArrayList<>(p.rules());
        for (RuleFix f : rules) {
            PolicyRule o = r.get(f.index());
            r.set(f.index(), new PolicyRule(o.proto(), o.mode(), o.tunnelSrc(), o.tunnelDst(), f.level(), f.reqid()));
        }
        return new Policy(selector(p.selector()), p.direction(), p.priority(), p.action(), r, p.context());
    }

    private Selector selector(Selector s) {
        if (!typeExact && !codeExact) {
            return s;
        }
        return new Selector(s.src(), s.srcPort(), s.dst(), s.dstPort(), s.upperProtocol(), typeExact, codeExact);
    }
}
