package org.jsetkey.shell.complete;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.Suggestion;

/** The addresses a host knows, for address slots: its own, its peers' announced ones, those in the SAD and SPD. */
final class KnownAddresses {
    private final Host host;

    KnownAddresses(Host host) {
        this.host = host;
    }

    /** Known addresses starting with {@code prefix}, each described by where it was seen first. */
    List<Suggestion> matching(String prefix) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (IpAddress a : host.addresses()) {
            seen.putIfAbsent(a.format(), "this host");
        }
        UdpLink link = host.link();
        if (link != null) {
            for (Peer p : link.peers()) {
                String name = link.announcedName(p);
                String who = "peer " + (name == null || name.isEmpty() ? p.format() : name);
                for (IpAddress a : link.announcedBy(p)) {
                    seen.putIfAbsent(a.format(), who);
                }
            }
        }
        for (SaEntry e : host.sad().snapshot()) {
            seen.putIfAbsent(e.sa().src().format(), "in the SAD");
            seen.putIfAbsent(e.sa().dst().format(), "in the SAD");
        }
        for (SpdEntry e : host.spd().snapshot()) {
            seen.putIfAbsent(e.policy().selector().src().address().format(), "in the SPD");
            seen.putIfAbsent(e.policy().selector().dst().address().format(), "in the SPD");
        }
        return seen.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> Suggestion.of(e.getKey(), e.getValue())).toList();
    }
}
