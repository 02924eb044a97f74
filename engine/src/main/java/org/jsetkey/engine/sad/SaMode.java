package org.jsetkey.engine.sad;

import org.jsetkey.engine.Keywords;

/** IPsec mode of an SA or policy rule; {@code any} is only valid for SAs. */
public enum SaMode {
    ANY(0, "any"),
    TRANSPORT(1, "transport"),
    TUNNEL(2, "tunnel");

    private final int number;
    private final String keyword;

    SaMode(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    public int number() {
        return number;
    }

    public String keyword() {
        return keyword;
    }

    public static SaMode byKeyword(String word) {
        return Keywords.find(values(), SaMode::keyword, word);
    }
}
