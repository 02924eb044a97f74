package org.jsetkey.engine.link;

import java.util.concurrent.atomic.AtomicLong;

/** Packets and bytes exchanged with one peer. */
public final class PeerStats {
    final AtomicLong packetsIn = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong packetsOut = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();

    public long packetsIn() {
        return packetsIn.get();
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long packetsOut() {
        return packetsOut.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }
}
