package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.spd.Policy;

/** {@code spdadd}: adds a policy; refused when the selector and direction are taken. */
public record SpdAdd(Policy policy) implements Statement {
    @Override
    public String keyword() {
        return "spdadd";
    }
}
