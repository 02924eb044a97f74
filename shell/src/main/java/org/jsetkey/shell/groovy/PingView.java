package org.jsetkey.shell.groovy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.print.PingReport;
import org.jsetkey.engine.tool.PingResult;

/** The outcome of {@code ping(...)} in a script: counts, round-trip times (ms) and one map per reply. */
public final class PingView {
    private final PingResult result;
    private final List<Map<String, Object>> replies;

    PingView(PingResult result, List<Map<String, Object>> replies) {
        this.result = result;
        this.replies = List.copyOf(replies);
    }

    public int getSent() {
        return result.transmitted();
    }

    public int getReceived() {
        return result.received();
    }

    public int getDuplicates() {
        return result.duplicates();
    }

    /** Packet loss in percent, as ping prints it. */
    public BigDecimal getLoss() {
        return new BigDecimal(PingReport.loss(result.transmitted(), result.received()));
    }

    /** Round-trip times in milliseconds, one per timed reply. */
    public List<BigDecimal> getRtts() {
        List<BigDecimal> out = new ArrayList<>();
        for (long micros : result.rttsMicros()) {
            out.add(BigDecimal.valueOf(micros, 3));
        }
        return out;
    }

    /** {@code [seq:1, bytes:64, from:'198.51.100.20', ttl:64, rtt:0.123, layers:['ah', 'esp']]} per reply. */
    public List<Map<String, Object>> getReplies() {
        return replies;
    }

    public long getTime() {
        return result.elapsedMillis();
    }

    @Override
    public String toString() {
        return result.transmitted() + " packets transmitted, " + result.received() + " received, "
                + PingReport.loss(result.transmitted(), result.received()) + "% packet loss";
    }
}
