package org.jsetkey.engine.spd;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.SetkeyWord;

/** IPsec level of a policy rule (KAME numbers). */
public enum Level implements SetkeyWord {
    DEFAULT,
    USE,
    REQUIRE,
    UNIQUE;

    /** The KAME level number. */
    public int number() {
        return ordinal();
    }

    public static Level byKeyword(String word) {
        return Keywords.find(values(), word);
    }
}
