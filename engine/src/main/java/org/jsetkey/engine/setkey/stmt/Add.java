package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.sad.SecurityAssociation;

/** {@code add}: creates a mature SA (validated while parsing). */
public record Add(SecurityAssociation sa) implements Statement {
    @Override
    public String keyword() {
        return "add";
    }
}
