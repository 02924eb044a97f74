package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.link.ImpairStats;
import org.jsetkey.engine.link.Impairment;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;

/** The host's UDP link: where it listens, who its peers are, and the faults it puts on what it sends them. */
public final class LinkView {
    private final UdpLink link;

    LinkView(UdpLink link) {
        this.link = link;
    }

    /** {@code 127.0.0.1:7001}. */
    public String getLocal() {
        return link.localAddress().getAddress().getHostAddress() + ":" + link.localAddress().getPort();
    }

    public int getPort() {
        return link.localAddress().getPort();
    }

    /** The peers as {@code --peer} writes them. */
    public List<String> getPeers() {
        List<String> out = new ArrayList<>();
        for (Peer p : link.peers()) {
            out.add(p.format());
        }
        return out;
    }

    /** Datagrams from senders that are not peers (dropped). */
    public long getForeignDatagrams() {
        return link.foreignDatagrams();
    }

    /** Datagrams that were not a valid IP packet (a bit flipped in the IPv4 header, say): dropped and counted. */
    public long getMalformedDatagrams() {
        return link.malformedDatagrams();
    }

    /**
     * {@code link.impair(loss: 5, delay: 10, seed: 1)}: netem's faults on what this host sends
     * (every peer, or {@code peer: 'cardinal'}). Percentages as numbers or {@code '0.1%'}; delay and
     * jitter as milliseconds or {@code '500us'}; rate as {@code '1mbit'}. Returns what is in force
     * ({@code loss 5% delay 10ms seed 1}), one line per peer.
     */
    public String impair(Map<String, Object> settings) {
        Map<String, Object> rest = new LinkedHashMap<>(settings);
        Object peer = rest.remove("peer");
        List<String> words = new ArrayList<>();
        Object jitter = rest.remove("jitter");
        for (Map.Entry<String, Object> e : rest.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            words.add(key);
            switch (key) {
                case "loss", "reorder", "duplicate", "corrupt" -> words.add(v instanceof Number ? v + "%" : v.toString());
                case "delay" -> {
                    words.add(v instanceof Number ? v + "ms" : v.toString());
                    if (jitter != null) {
                        words.add(jitter instanceof Number ? jitter + "ms" : jitter.toString());
                    }
                }
                default -> words.add(String.valueOf(v));
            }
        }
        if (jitter != null && !rest.containsKey("delay")) {
            throw new IllegalArgumentException("jitter needs a delay (delay: 10, jitter: 2)");
        }
        return apply(peer == null ? null : peer.toString(), words);
    }

    /** {@code link.impair('loss 5% seed 1')}, {@code link.impair('cardinal delay 10ms')}, {@code link.impair('off')}. */
    public String impair(String netem) {
        List<String> words = new ArrayList<>(List.of(netem.trim().split("\\s+")));
        String peer = null;
        if (!words.isEmpty() && !words.get(0).equals("off") && !Impairment.WORDS.contains(words.get(0))) {
            peer = words.remove(0);
        }
        return apply(peer, words);
    }

    private String apply(String peer, List<String> words) {
        Impairment settings = words.equals(List.of("off")) ? null : Impairment.parse(words);
        List<String> lines = new ArrayList<>();
        for (Peer p : peer == null ? link.peers() : List.of(link.peerNamed(peer))) {
            Impairment set = link.impair(p, settings);
            lines.add(name(p) + ": " + (set == null ? "off" : set.format()));
        }
        return String.join("\n", lines);
    }

    /** What each peer's impairment did, by peer name: {@code link.impaired.cardinal.lost}. */
    public Map<String, ImpairStats> getImpaired() {
        Map<String, ImpairStats> m = new LinkedHashMap<>();
        for (Peer p : link.peers()) {
            if (link.impairment(p) != null) {
                m.put(name(p), link.impairStats(p));
            }
        }
        return m;
    }

    private String name(Peer p) {
        String n = link.announcedName(p);
        return n == null || n.isEmpty() ? p.format() : n;
    }

    @Override
    public String toString() {
        return "link " + getLocal() + " peers " + getPeers();
    }
}
