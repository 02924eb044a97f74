package org.jsetkey.engine.check;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.link.ControlPackets;
import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.stack.Host;

/**
 * {@code peer check} over the link's control channel (IP/UDP to port 60500, past the SPD):
 * {@code jsetkey check-ask ID NONCE [PARTS]} asks a peer for its summary; the peer answers
 * with {@code jsetkey check-part ID I N} packets, each carrying a slice of the summary small
 * enough that the whole IP packet fits 1280 bytes (never fragmented). Missing parts are asked
 * for again; the asker then compares the summary with its own, made with the same nonce.
 */
public final class PeerCheck implements UdpLink.ControlListener {
    private static final String ASK = "jsetkey check-ask ";
    private static final String PART = "jsetkey check-part ";
    private static final String REFUSED = "jsetkey check-refused ";
    static final int MAX_PARTS = 4096;
    private static final int RETRIES = 5;

    private final Host host;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Assembly> pending = new ConcurrentHashMap<>();
    /** SAs plus policies beyond which a summary cannot fit MAX_PARTS: refused before any work. */
    volatile int maxItems = MAX_PARTS * 8;

    private PeerCheck(Host host) {
        this.host = host;
    }

    /**
     * The host's peer check, subscribed to its control messages on first use (answers peers from
     * then on), beside any other subscriber.
     */
    public static PeerCheck of(Host host) {
        return host.service(PeerCheck.class, () -> {
            PeerCheck pc = new PeerCheck(host);
            host.onControl(pc);
            return pc;
        });
    }

    /** Answers asks and collects parts; false when the message is not understood. */
    @Override
    public boolean accept(Peer from, byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.ISO_8859_1);
        int nl = text.indexOf('\n');
        String head = nl < 0 ? text : text.substring(0, nl);
        try {
            if (head.startsWith(ASK)) {
                return answer(from, head.substring(ASK.length()).split(" "));
            }
            if (head.startsWith(PART) && nl > 0) {
                return collect(from, head.substring(PART.length()).split(" "), payload, nl + 1);
            }
            if (head.startsWith(REFUSED)) {
                String[] w = head.substring(REFUSED.length()).split(" ", 2);
                Assembly a = pending.get(w[0]);
                if (a != null && a.from(from)) {
                    a.refuse(w.length > 1 ? w[1] : "refused");
                }
                return true;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private boolean answer(Peer from, String[] w) {
        if (w.length < 2 || w.length > 3 || !w[0].matches("[0-9a-f]{16}") || !w[1].matches("[0-9a-f]{32}")) {
            return false;
        }
        UdpLink link = host.link();
        int items = host.sad().size() + host.spd().size();
        if (items > maxItems) {
            String why = items + " SAs and policies are too many to summarise (at most " + maxItems + ")";
            link.sendControl(from, (REFUSED + w[0] + " " + why + "\n").getBytes(StandardCharsets.US_ASCII));
            return true;
        }
        byte[] summary = Summary.of(host, w[1]).encode().getBytes(StandardCharsets.UTF_8);
        String header = PART + w[0] + " ";
        int chunk = ControlPackets.MAX_PAYLOAD - header.length() - 12;
        int parts = Math.max(1, (summary.length + chunk - 1) / chunk);
        if (parts > MAX_PARTS) {
            link.sendControl(from, (REFUSED + w[0] + " summary of " + summary.length + " bytes needs " + parts
                    + " parts (at most " + MAX_PARTS + ")\n").getBytes(StandardCharsets.US_ASCII));
            return true;
        }
        for (int i : Parts.wanted(w.length == 3 ? w[2] : null, parts)) {
            int off = i * chunk;
            int len = Math.min(chunk, summary.length - off);
            byte[] h = (header + i + " " + parts + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] p = new byte[h.length + len];
            System.arraycopy(h, 0, p, 0, h.length);
            System.arraycopy(summary, off, p, h.length, len);
            link.sendControl(from, p);
            if (i % 64 == 63) {
                pause();
            }
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean collect(Peer from, String[] w, byte[] payload, int dataOffset) {
        if (w.length != 3) {
            return false;
        }
        int i = Integer.parseInt(w[1]);
        int n = Integer.parseInt(w[2]);
        if (n < 1 || n > MAX_PARTS || i < 0 || i >= n) {
            return false;
        }
        Assembly a = pending.get(w[0]);
        if (a != null && a.from(from)) {
            byte[] data = new byte[payload.length - dataOffset];
            System.arraycopy(payload, dataOffset, data, 0, data.length);
            a.add(i, n, data);
        }
        return true;
    }

    /** Asks {@code peer} for its summary and compares it with this host's; waits at most {@code timeoutMillis}. */
    public PeerCheckResult check(Peer peer, long timeoutMillis) throws InterruptedException {
        UdpLink link = host.link();
        String where = Endpoints.format(peer.endpoint());
        String announced = link == null ? null : link.announcedName(peer);
        String name = announced == null ? "-" : announced;
        if (link == null) {
            return new PeerCheckResult(where, name, "this host has no link", List.of());
        }
        byte[] id = new byte[8];
        byte[] nonceBytes = new byte[16];
        random.nextBytes(id);
        random.nextBytes(nonceBytes);
        String idHex = HexFormat.of().formatHex(id);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        Assembly a = new Assembly(peer);
        pending.put(idHex, a);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            long round = Math.max(200, timeoutMillis / (RETRIES + 1));
            String want = null;
            for (int attempt = 0; attempt <= RETRIES && System.nanoTime() < deadline; attempt++) {
                link.sendControl(peer, (ASK + idHex + " " + nonce + (want == null ? "" : " " + want) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                long wait = Math.min(round, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                if (a.await(Math.max(1, wait))) {
                    break;
                }
                want = a.missing();
            }
            String later = link.announcedName(peer);
            name = later != null ? later : name.equals("-") ? where : name;
            if (a.refusal() != null) {
                return new PeerCheckResult(where, name, name + " refused: " + a.refusal(), List.of());
            }
            byte[] body = a.whole();
            if (body == null) {
                return new PeerCheckResult(where, name, "no answer from " + where + " within " + timeoutMillis
                        + " ms (is jsetkey running there, with this host as a peer?)", List.of());
            }
            Summary remote;
            try {
                remote = Summary.decode(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return new PeerCheckResult(where, name, "unreadable summary from " + where + ": " + e.getMessage(),
                        List.of());
            }
            Summary local = Summary.of(host, nonce);
            return new PeerCheckResult(where, remote.name(), null, Comparison.compare(local, remote));
        } finally {
            pending.remove(idHex);
        }
    }

    /** Every peer of the link, one result each. */
    public List<PeerCheckResult> checkAll(long timeoutMillis) throws InterruptedException {
        List<PeerCheckResult> l = new ArrayList<>();
        UdpLink link = host.link();
        if (link != null) {
            for (Peer p : link.peers()) {
                l.add(check(p, timeoutMillis));
            }
        }
        return l;
    }
}
