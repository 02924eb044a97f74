package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.SetkeyWord;

/** The words of an SA's {@code -f} option (ipsec-tools): padding and sequence-number flags. */
public enum PadFlag implements SetkeyWord {
    ZERO_PAD,
    RANDOM_PAD,
    SEQ_PAD,
    NOCYCLIC_SEQ
}
