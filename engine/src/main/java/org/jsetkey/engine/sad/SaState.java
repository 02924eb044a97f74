package org.jsetkey.engine.sad;

/** SA life cycle as PF_KEY numbers it. */
public enum SaState {
    LARVAL(0, "larval"),
    MATURE(1, "mature"),
    DYING(2, "dying"),
    DEAD(3, "dead");

    private final int number;
    private final String keyword;

    SaState(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    public int number() {
        return number;
    }

    public String keyword() {
        return keyword;
    }

    public boolean usable() {
        return this == MATURE || this == DYING;
    }
}
