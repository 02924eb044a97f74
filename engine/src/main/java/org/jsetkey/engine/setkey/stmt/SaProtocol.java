package org.jsetkey.engine.setkey.stmt;

import java.util.Locale;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.sad.SaType;

/** The protocol word of an SA statement: the SA type plus the OLD flag of esp-old/ah-old. */
public enum SaProtocol {
    ESP(SaType.ESP),
    ESP_OLD(SaType.ESP),
    /** ESP in UDP (RFC 3948): ports from {@code src[sport] dst[dport]}, NAT original address optional. */
    ESP_UDP(SaType.ESP),
    AH(SaType.AH),
    AH_OLD(SaType.AH),
    IPCOMP(SaType.IPCOMP),
    TCP(SaType.TCP);

    private final SaType type;

    SaProtocol(SaType type) {
        this.type = type;
    }

    /** The word: the name in lower case, {@code ESP_OLD} written {@code esp-old}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public SaType type() {
        return type;
    }

    /** {@code esp-old} and {@code ah-old}: the SA carries the OLD flag. */
    public boolean old() {
        return name().endsWith("_OLD");
    }

    public static SaProtocol byKeyword(String word) {
        return Keywords.find(values(), SaProtocol::keyword, word);
    }

    /** The spelling for an SA of this type and flag word. */
    public static SaProtocol of(SaType type, boolean old) {
        for (SaProtocol p : values()) {
            if (p.type == type && p.old() == old && p != ESP_UDP) {
                return p;
            }
        }
        throw new IllegalArgumentException("no protocol word for " + type + (old ? " old" : ""));
    }
}
