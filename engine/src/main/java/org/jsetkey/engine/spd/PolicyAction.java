package org.jsetkey.engine.spd;

import org.jsetkey.engine.Keywords;

/** What a policy does with matching packets (sadb_x_policy type numbers). */
public enum PolicyAction {
    DISCARD(0, "discard"),
    NONE(1, "none"),
    IPSEC(2, "ipsec"),
    ENTRUST(3, "entrust"),
    BYPASS(4, "bypass");

    private final int number;
    private final String keyword;

    PolicyAction(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    public int number() {
        return number;
    }

    public String keyword() {
        return keyword;
    }

    public static PolicyAction byKeyword(String word) {
        return Keywords.find(values(), PolicyAction::keyword, word);
    }
}
