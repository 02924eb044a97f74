package org.jsetkey.engine.spd;

import org.jsetkey.engine.SetkeyWord;

/** What a policy does with matching packets (sadb_x_policy type numbers). */
public enum PolicyAction implements SetkeyWord {
    DISCARD,
    NONE,
    IPSEC,
    ENTRUST,
    BYPASS;
}
