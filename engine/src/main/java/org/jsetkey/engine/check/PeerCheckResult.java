package org.jsetkey.engine.check;

import java.util.List;

/**
 * The outcome of {@code peer check} against one peer.
 *
 * @param peer     the peer's link endpoint as configured
 * @param peerName its name from its summary (or its announcement; "-" when unknown)
 * @param problem  why there is no comparison (no answer, unreadable summary), or null
 */
public record PeerCheckResult(String peer, String peerName, String problem, List<Finding> findings) {
    public PeerCheckResult {
        findings = List.copyOf(findings);
    }

    /** True when the peer answered and every finding is a match. */
    public boolean ok() {
        return problem == null && findings.stream().allMatch(Finding::ok);
    }

    public long mismatches() {
        return findings.stream().filter(f -> !f.ok()).count();
    }
}
