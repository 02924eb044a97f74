package org.jsetkey.engine.setkey.stmt;

import org.jsetkey.engine.net.IpAddress;

/** {@code get}: prints one SA in the {@code -D} layout. */
public record Get(IpAddress src, IpAddress dst, SaProtocol protocol, long spi) implements Statement {
    @Override
    public String keyword() {
        return "get";
    }
}
