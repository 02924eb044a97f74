package org.jsetkey.engine.setkey.stmt;

/** {@code flush [proto]}: {@code protocol} is null for all SAs. */
public record Flush(SaProtocol protocol) implements Statement {
    @Override
    public String keyword() {
        return "flush";
    }
}
