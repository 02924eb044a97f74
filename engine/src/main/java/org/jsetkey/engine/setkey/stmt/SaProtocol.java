package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.sad.SaType;

/** The protocol word of an SA statement: the SA type plus the OLD flag of esp-old/ah-old. */
public enum SaProtocol {
    ESP("esp", SaType.ESP, false),
    ESP_OLD("esp-old", SaType.ESP, true),
    AH("ah", SaType.AH, false),
    AH_OLD("ah-old", SaType.AH, true),
    IPCOMP("ipcomp", SaType.IPCOMP, false),
    TCP("tcp", SaType.TCP, false);

    private final String keyword;
    private final SaType type;
    private final boolean old;

    SaProtocol(String keyword, SaType type, boolean old) {
        this.keyword = keyword;
        this.type = type;
        this.old = old;
    }

    public String keyword() {
        return keyword;
    }

    public SaType type() {
        return type;
    }

    public boolean old() {
        return old;
    }

    public static SaProtocol byKeyword(String word) {
        return Keywords.find(values(), SaProtocol::keyword, word);
    }

    /** The spelling for an SA of this type and flag word. */
    public static SaProtocol of(SaType type, boolean old) {
        for (SaProtocol p : values()) {
            if (p.type == type && p.old == old) {
                return p;
            }
        }
        throw new IllegalArgumentException("no protocol word for " + type + (old ? " old" : ""));
    }
}
