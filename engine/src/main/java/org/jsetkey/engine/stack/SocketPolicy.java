package org.jsetkey.engine.stack;

import java.util.List;

import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;

/**
 * A per-socket policy as {@code ping -P "out ipsec esp/transport//require"} sets it:
 * consulted before the SPD. {@code entrust} defers to the SPD, {@code bypass} skips IPsec.
 */
public record SocketPolicy(PolicyAction action, List<PolicyRule> rules) {
    public SocketPolicy {
        rules = List.copyOf(rules);
    }
}
