package org.jsetkey.shell.lab;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.tool.PingResult;

/**
 * Why a ping got nothing back: no link or no peer for the destination (said before sending), this
 * host dropping its own probes, or a link peer that sent nothing back (said once after the
 * summary, and kept for {@code explain}).
 */
final class LinkSilence {
    /** The link peer a ping goes to and how much had come from it when the ping started. */
    record Watch(UdpLink link, Peer peer, long packetsInBefore) {
    }

    private volatile String lastNote;

    /** Null when the destination is this host or a link peer carries it; else why nothing can reach it. */
    String noPath(Host host, IpAddress destination) {
        if (host.isLocal(destination)) {
            return null;
        }
        UdpLink link = host.link();
        if (link == null) {
            return "this host has no link, so nothing can reach " + destination
                    + " (start it with --listen and --peer, or --rc)";
        }
        if (link.peerFor(destination) == null) {
            return "no link peer carries " + destination + " (no --peer prefix covers it; 'link' lists the peers)";
        }
        return null;
    }

    /** What to compare with after the ping; null when the destination is this host. */
    Watch watch(Host host, IpAddress destination) {
        UdpLink link = host.link();
        Peer peer = link == null || host.isLocal(destination) ? null : link.peerFor(destination);
        return peer == null ? null : new Watch(link, peer, link.stats(peer).packetsIn());
    }

    /**
     * After a ping without any reply: the sentence when this host dropped its own probes, or when
     * not one packet came from the peer during it (null otherwise). The sentence is kept for
     * {@code explain}; a ping with replies clears it.
     */
    String after(Watch w, PingResult r) {
        lastNote = r.anyReply() ? null : note(w, r);
        return lastNote;
    }

    private static String note(Watch w, PingResult r) {
        if (r.droppedHere() > 0 && r.lastDropHere() != null) {
            return "this host dropped " + (r.droppedHere() == r.transmitted() ? "every probe" : r.droppedHere()
                    + " of " + r.transmitted() + " probes") + " itself, before the link: " + r.lastDropHere().reason()
                    + ", " + r.lastDropHere().explanation() + " (explain lists the drops)";
        }
        if (w == null) {
            return null;
        }
        long in = w.link().stats(w.peer()).packetsIn();
        if (in != w.packetsInBefore()) {
            return null;
        }
        String name = w.link().announcedName(w.peer());
        String who = (name == null ? "" : name + " at ") + Endpoints.format(w.peer().endpoint());
        boolean heard = in > 0 || name != null || w.link().stats(w.peer()).controlIn() > 0;
        return "nothing came back from link peer " + who + " during this ping; " + (heard
                ? "it was heard from before, so it may have stopped, or it dropped the probes (run explain there)"
                : "it has not been heard from at all since this host started: is it running, and does its --peer"
                        + " point at " + Endpoints.format(w.link().localAddress()) + "?");
    }

    /** The note of the last ping that got nothing back, or null. */
    String lastNote() {
        return lastNote;
    }
}
