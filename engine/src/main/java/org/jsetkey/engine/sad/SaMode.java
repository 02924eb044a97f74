package org.jsetkey.engine.sad;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.SetkeyWord;

/** IPsec mode of an SA or policy rule; {@code any} is only valid for SAs. */
public enum SaMode implements SetkeyWord {
    ANY,
    TRANSPORT,
    TUNNEL;

    /** The PF_KEY mode number. */
    public int number() {
        return ordinal();
    }

    public static SaMode byKeyword(String word) {
        return Keywords.find(values(), word);
    }
}
