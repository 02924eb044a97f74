package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.sad.SecurityContext;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Selector;

/** {@code spddelete}: only selector, direction and label matter; the rest of the policy is ignored. */
public record SpdDelete(Selector selector, Direction direction, SecurityContext context) implements Statement {
    @Override
    public String keyword() {
        return "spddelete";
    }
}
