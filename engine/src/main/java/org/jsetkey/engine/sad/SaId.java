package org.jsetkey.engine.sad;

import org.jsetkey.engine.net.IpAddress;

/** What identifies an SA in the SAD: destination, protocol and SPI. */
public record SaId(IpAddress dst, SaType type, long spi) {
    // written out: a record's generated hashCode bootstraps method handles on first use (start-up)
    @Override
    public int hashCode() {
        return (dst.hashCode() * 31 + type.hashCode()) * 31 + Long.hashCode(spi);
    }

    @Override
    public String toString() {
        return type.keyword() + " spi=" + spi + "(0x" + String.format("%08x", spi) + ") dst=" + dst;
    }
}
