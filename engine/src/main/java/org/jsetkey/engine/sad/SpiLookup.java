package org.jsetkey.engine.sad;

import org.jsetkey.engine.net.IpAddress;

/** Finding the SA an inbound IPsec header names, and how an SPI is written in messages. */
public final class SpiLookup {
    private SpiLookup() {
    }

    /** The SA for an inbound header: by (dst, proto, spi); IPComp also by well-known CPI. */
    public static SaEntry inbound(Sad sad, IpAddress dst, SaType type, long spi) {
        SaEntry e = sad.find(dst, type, spi);
        if (e != null || type != SaType.IPCOMP) {
            return e;
        }
        // a well-known CPI: the newest IPComp SA to dst for that algorithm (a scan, no sorted copy of the SAD)
        return sad.newest(dst, SaType.IPCOMP,
                sa -> !sa.rawCpi() && sa.compAlg() != null && sa.compAlg().sadbId() == spi);
    }

    /** {@code 15700 (0x00003d54)}. */
    public static String text(long spi) {
        return spi + String.format(" (0x%08x)", spi);
    }
}
