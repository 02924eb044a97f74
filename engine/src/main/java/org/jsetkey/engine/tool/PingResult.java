package org.jsetkey.engine.tool;

import java.util.List;

import org.jsetkey.engine.event.KeyEvent;

/**
 * The outcome of a ping run; {@code rttsMicros} holds one entry per (non-duplicate) timed reply.
 * {@code droppedHere} counts the probes this host's own output path dropped, {@code lastDropHere}
 * is the last such drop (null when none was).
 */
public record PingResult(int transmitted, int received, int duplicates, List<Long> rttsMicros, long elapsedMillis,
                         int droppedHere, KeyEvent.Drop lastDropHere) {
    public PingResult {
        rttsMicros = List.copyOf(rttsMicros);
    }

    public boolean anyReply() {
        return received > 0;
    }
}
