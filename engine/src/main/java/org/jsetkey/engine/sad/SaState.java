package org.jsetkey.engine.sad;

import org.jsetkey.engine.SetkeyWord;

/** SA life cycle as PF_KEY numbers it. */
public enum SaState implements SetkeyWord {
    LARVAL,
    MATURE,
    DYING,
    DEAD;

    public boolean usable() {
        return this == MATURE || this == DYING;
    }
}
