package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.PolicyAction;
import org.junit.jupiter.api.Test;

class SocketPoliciesTest {
    @Test
    void readsAnIpsecPolicyWithRules() {
        SocketPolicies.Parsed p = SocketPolicies.parse("out ipsec esp/transport//require ah/transport//use");
        assertEquals(Direction.OUT, p.direction());
        assertEquals(PolicyAction.IPSEC, p.policy().action());
        assertEquals("esp/transport//require", p.policy().rules().get(0).format());
        assertEquals("ah/transport//use", p.policy().rules().get(1).format());
    }

    @Test
    void readsBypassAndEntrust() {
        assertEquals(PolicyAction.BYPASS, SocketPolicies.parse("out bypass").policy().action());
        assertEquals(PolicyAction.ENTRUST, SocketPolicies.parse("in entrust").policy().action());
    }

    @Test
    void badLevelNamesThePolicyAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketPolicies.parse("out ipsec esp/transport//sometimes"));
        assertTrue(e.getMessage().startsWith("policy \"out ipsec esp/transport//sometimes\": "), e.getMessage());
        assertTrue(e.getMessage().contains(" at column 11"), e.getMessage());
    }

    @Test
    void ipsecWithoutRulesAndTrailingWordsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SocketPolicies.parse("out discard extra"));
        assertThrows(IllegalArgumentException.class, () -> SocketPolicies.parse("sideways none"));
    }
}
