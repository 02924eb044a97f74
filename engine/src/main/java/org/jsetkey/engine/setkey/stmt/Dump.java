package org.jsetkey.engine.setkey.stmt;

/** {@code dump [proto]}: {@code protocol} is null for all SAs. */
public record Dump(SaProtocol protocol) implements Statement {
    @Override
    public String keyword() {
        return "dump";
    }
}
