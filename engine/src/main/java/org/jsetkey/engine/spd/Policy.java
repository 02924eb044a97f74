package org.jsetkey.engine.spd;

import java.util.List;
import java.util.Objects;

import org.jsetkey.engine.sad.SecurityContext;

/**
 * A security policy as spdadd states it: immutable.
 *
 * @param priority the ipsec-tools stored priority (lower = earlier), or null when none was given
 *                 (then it sorts as {@code prio def}, 0x80000000)
 * @param rules    for {@link PolicyAction#IPSEC}, in the order written (first = innermost)
 * @param context  the -ctx label or null
 */
public record Policy(Selector selector, Direction direction, Priority priority, PolicyAction action,
                     List<PolicyRule> rules, SecurityContext context) {

    public Policy {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(action, "action");
        rules = List.copyOf(rules);
        if (action == PolicyAction.IPSEC && rules.isEmpty()) {
            throw new IllegalArgumentException("policy requests required");
        }
        if (action != PolicyAction.IPSEC && !rules.isEmpty()) {
            throw new IllegalArgumentException("rules given for action " + action.keyword());
        }
    }

    public long sortPriority() {
        return priority == null ? Priority.DEFAULT_BASE : priority.stored();
    }

    /**
     * Lookup order within a direction: lower priority value first, then the more specific
     * selector; a tie goes to the older policy.
     */
    public long rank() {
        return sortPriority() << 16 | (0xffff - selector.specificity());
    }

    /** Why setkey's language cannot state this policy (it came from Linux), or null when it can. */
    public String setkeyGap() {
        if (selector.hasExactZero()) {
            return "an ICMP " + (selector.srcZeroExact() ? "type" : "code") + " of exactly 0 (setkey's 0 means any)";
        }
        for (PolicyRule r : rules) {
            String gap = r.setkeyGap();
            if (gap != null) {
                return gap;
            }
        }
        return null;
    }

    /** Two policies with the same key cannot both be in the SPD. */
    public boolean sameKey(Policy other) {
        return selector.equals(other.selector) && direction == other.direction
                && Objects.equals(context, other.context);
    }
}
