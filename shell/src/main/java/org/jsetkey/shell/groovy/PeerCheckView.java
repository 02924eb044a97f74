package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.check.Finding;
import org.jsetkey.engine.check.PeerCheckResult;

/**
 * What {@code peerCheck()} returns: {@code ok} (every peer answered and all match), {@code text}
 * (the console's table) and {@code peers}, one map each: {@code peer name ok problem rows}, every
 * row a map {@code ok text fix}.
 */
public final class PeerCheckView {
    private final boolean ok;
    private final String text;
    private final List<Map<String, Object>> peers = new ArrayList<>();

    PeerCheckView(List<PeerCheckResult> results, String text) {
        this.text = text;
        boolean all = true;
        for (PeerCheckResult r : results) {
            all &= r.ok();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Finding f : r.findings()) {
                rows.add(new LinkedHashMap<>(Map.of("ok", f.ok(), "text", f.text(), "fix", f.fix())));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peer", r.peer());
            m.put("name", r.peerName());
            m.put("ok", r.ok());
            m.put("problem", r.problem());
            m.put("rows", rows);
            peers.add(m);
        }
        this.ok = all;
    }

    public boolean isOk() {
        return ok;
    }

    public String getText() {
        return text;
    }

    public List<Map<String, Object>> getPeers() {
        return peers;
    }

    @Override
    public String toString() {
        return text;
    }
}
