package org.jsetkey.engine.link;

import java.util.concurrent.atomic.AtomicLong;

/** Packets and bytes exchanged with one peer: the datapath, and the hosts' own control packets apart. */
public final class PeerStats {
    final AtomicLong packetsIn = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong packetsOut = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong controlIn = new AtomicLong();
    final AtomicLong controlOut = new AtomicLong();

    /** Announcement and peer-check packets received (not in {@link #packetsIn()}). */
    public long controlIn() {
        return controlIn.get();
    }

    public long controlOut() {
        return controlOut.get();
    }

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
