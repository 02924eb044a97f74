package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.net.IpAddress;

/** {@code delete}: removes one SA. */
public record Delete(IpAddress src, IpAddress dst, SaProtocol protocol, long spi) implements Statement {
    @Override
    public String keyword() {
        return "delete";
    }
}
