package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.net.IpAddress;

/** {@code deleteall}: removes every SA from src to dst of one protocol. */
public record DeleteAll(IpAddress src, IpAddress dst, SaProtocol protocol) implements Statement {
    @Override
    public String keyword() {
        return "deleteall";
    }
}
