package org.jsetkey.engine.spd;

import org.jsetkey.engine.SetkeyWord;

/** IPsec level of a policy rule (KAME numbers). */
public enum Level implements SetkeyWord {
    DEFAULT,
    USE,
    REQUIRE,
    UNIQUE;
}
