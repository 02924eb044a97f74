package org.jsetkey.engine.spd;

import org.jsetkey.engine.SetkeyWord;

/** Policy direction; {@code fwd} is ipsec-tools' forward policy. */
public enum Direction implements SetkeyWord {
    IN,
    OUT,
    FWD;

    /** The KAME direction number (in is 1). */
    @Override
    public int number() {
        return ordinal() + 1;
    }
}
