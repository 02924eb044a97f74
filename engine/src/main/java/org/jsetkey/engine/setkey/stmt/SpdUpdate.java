package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.spd.Policy;

/** {@code spdupdate} (ipsec-tools): replaces or adds a policy. */
public record SpdUpdate(Policy policy) implements Statement {
    @Override
    public String keyword() {
        return "spdupdate";
    }
}
