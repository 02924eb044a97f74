package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;

/** The host's UDP link: where it listens and who its peers are. */
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

    @Override
    public String toString() {
        return "link " + getLocal() + " peers " + getPeers();
    }
}
