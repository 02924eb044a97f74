package org.jsetkey.engine.stack;

import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.engine.sysctl.SysctlNames;

/**
 * Resolves a rule's level at packet time (architecture.md §11): {@code default} reads the
 * deflev sysctl of the family, protocol and mode (IPComp: use); {@code unique} acts as
 * require; a deflev outside 1..3 counts as require.
 */
final class Levels {
    private Levels() {
    }

    /** True when the rule makes an SA mandatory. */
    static boolean required(PolicyRule rule, boolean v6, Sysctl sysctl) {
        Level l = rule.level();
        if (l == Level.USE) {
            return false;
        }
        if (l == Level.REQUIRE || l == Level.UNIQUE) {
            return true;
        }
        if (rule.proto() == SaType.IPCOMP) {
            return false;
        }
        int v = sysctl.getInt(knob(rule.proto(), rule.mode(), v6));
        return v != 1;
    }

    static String knob(SaType proto, SaMode mode, boolean v6) {
        boolean tunnel = mode == SaMode.TUNNEL;
        if (proto == SaType.ESP) {
            if (v6) {
                return tunnel ? SysctlNames.IPSEC6_ESP_NET_DEFLEV : SysctlNames.IPSEC6_ESP_TRANS_DEFLEV;
            }
            return tunnel ? SysctlNames.IPSEC_ESP_NET_DEFLEV : SysctlNames.IPSEC_ESP_TRANS_DEFLEV;
        }
        if (v6) {
            return tunnel ? SysctlNames.IPSEC6_AH_NET_DEFLEV : SysctlNames.IPSEC6_AH_TRANS_DEFLEV;
        }
        return tunnel ? SysctlNames.IPSEC_AH_NET_DEFLEV : SysctlNames.IPSEC_AH_TRANS_DEFLEV;
    }
}
