package org.jsetkey.engine.setkey.stmt;

/** {@code spdflush}: removes every policy. */
public record SpdFlush() implements Statement {
    @Override
    public String keyword() {
        return "spdflush";
    }
}
