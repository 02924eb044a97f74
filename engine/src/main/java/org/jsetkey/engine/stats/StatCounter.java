package org.jsetkey.engine.stats;

/** A counter netstat shows: one of {@code ipsecstat}, the per-protocol ones, ICMP's, or the link's. */
public sealed interface StatCounter permits IpsecStat, XformStat, IcmpStat, LinkStat {
    /** The netstat text with {@code %s} where the plural suffix goes. */
    String text();
}
