package org.jsetkey.shell.command;

import java.util.Arrays;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;

/**
 * Which side of a router a traced packet is on. A host with two or more peers forwards between
 * them, so each forwarded packet crosses the link twice; like {@code tcpdump -i any}, each line
 * then names the "interface" (the peer, by its announced name) and the direction after the time:
 * {@code 12:00:00.000000 phoenix In  IP ...}. A host with one peer keeps tcpdump's plain line,
 * unless it also owns real interfaces: then every line names its side, the interface's by its name.
 */
final class LinkSide {
    private LinkSide() {
    }

    /** {@code line} ("TIME rest") with the side inserted after the time, when the link has several peers. */
    static String label(UdpLink link, LinkDirection direction, String line, byte[] ip, boolean always) {
        if (link == null || link.peers().size() < (always ? 1 : 2)) {
            return line;
        }
        IpAddress other = address(ip, direction == LinkDirection.OUT);
        Peer peer = other == null ? null : link.peerFor(other);
        String name = peer == null ? "?" : link.announcedName(peer) != null ? link.announcedName(peer)
                : Endpoints.format(peer.endpoint());
        return named(name, direction, line);
    }

    /** {@code line} with {@code name} and the direction inserted after the time. */
    static String named(String name, LinkDirection direction, String line) {
        int space = line.indexOf(' ');
        String side = String.format("%-5s %-3s ", name, direction == LinkDirection.IN ? "In" : "Out");
        return space < 0 ? side + line : line.substring(0, space + 1) + side + line.substring(space + 1);
    }

    /** The destination ({@code dst}) or source address of a raw IPv4/IPv6 packet, or null when too short. */
    private static IpAddress address(byte[] ip, boolean dst) {
        if (ip.length < 1) {
            return null;
        }
        int version = (ip[0] & 0xff) >> 4;
        int at = version == 4 ? (dst ? 16 : 12) : version == 6 ? (dst ? 24 : 8) : -1;
        int len = version == 4 ? 4 : 16;
        if (at < 0 || ip.length < at + len) {
            return null;
        }
        return IpAddress.of(Arrays.copyOfRange(ip, at, at + len));
    }
}
