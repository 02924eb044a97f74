package org.jsetkey.engine.spd;

import org.jsetkey.engine.Keywords;

/** Policy direction; {@code fwd} is ipsec-tools' forward policy. */
public enum Direction {
    IN(1, "in"),
    OUT(2, "out"),
    FWD(3, "fwd");

    private final int number;
    private final String keyword;

    Direction(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    public int number() {
        return number;
    }

    public String keyword() {
        return keyword;
    }

    public static Direction byKeyword(String word) {
        return Keywords.find(values(), Direction::keyword, word);
    }
}
