package org.jsetkey.engine.setkey.stmt;

/** {@code exit}, {@code quit} or {@code bye}: stops reading input. */
public record Exit(String word) implements Statement {
    @Override
    public String keyword() {
        return word;
    }
}
