package org.jsetkey.engine.spd;

import org.jsetkey.engine.Keywords;

/** IPsec level of a policy rule (KAME numbers). */
public enum Level {
    DEFAULT(0, "default"),
    USE(1, "use"),
    REQUIRE(2, "require"),
    UNIQUE(3, "unique");

    private final int number;
    private final String keyword;

    Level(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    public int number() {
        return number;
    }

    public String keyword() {
        return keyword;
    }

    public static Level byKeyword(String word) {
        return Keywords.find(values(), Level::keyword, word);
    }
}
