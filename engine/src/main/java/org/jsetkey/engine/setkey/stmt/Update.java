package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.sad.SecurityAssociation;

/** {@code update} (NetBSD): replaces the parameters of an existing SA. */
public record Update(SecurityAssociation sa) implements Statement {
    @Override
    public String keyword() {
        return "update";
    }
}
