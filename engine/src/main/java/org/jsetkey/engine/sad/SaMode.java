package org.jsetkey.engine.sad;

import org.jsetkey.engine.SetkeyWord;

/** IPsec mode of an SA or policy rule; {@code any} is only valid for SAs. */
public enum SaMode implements SetkeyWord {
    ANY,
    TRANSPORT,
    TUNNEL;
}
