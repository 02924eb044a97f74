package org.jsetkey.engine.setkey.stmt;

/** {@code spddump}: prints the SPD in the {@code -DP} layout. */
public record SpdDump() implements Statement {
    @Override
    public String keyword() {
        return "spddump";
    }
}
