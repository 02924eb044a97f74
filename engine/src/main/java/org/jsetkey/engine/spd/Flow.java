package org.jsetkey.engine.spd;

import org.jsetkey.engine.net.IpAddress;

/**
 * What the SPD looks at in a packet: addresses, upper protocol and ports
 * (for ICMP/ICMPv6 the type and code take the place of the ports).
 */
public record Flow(IpAddress src, IpAddress dst, int protocol, int srcPort, int dstPort) {
}
