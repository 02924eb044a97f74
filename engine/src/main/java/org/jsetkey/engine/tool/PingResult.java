package org.jsetkey.engine.tool;

import java.util.List;

/** The outcome of a ping run; {@code rttsMicros} holds one entry per (non-duplicate) timed reply. */
public record PingResult(int transmitted, int received, int duplicates, List<Long> rttsMicros, long elapsedMillis) {
    public PingResult {
        rttsMicros = List.copyOf(rttsMicros);
    }

    public boolean anyReply() {
        return received > 0;
    }
}
