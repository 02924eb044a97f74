package org.jsetkey.engine.nat;

import java.util.List;

/** A pf {@code nat} line that does not parse: the 1-based column, what was wrong, what fits there. */
public final class NatSyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final transient List<String> expected;

    NatSyntaxError(int column, String message, List<String> expected) {
        super(message);
        this.column = column;
        this.expected = List.copyOf(expected);
    }

    public int column() {
        return column;
    }

    public List<String> expected() {
        return expected;
    }
}
