package org.jsetkey.engine.stats;

/** A FreeBSD counter: one of {@code ipsecstat} or one of the per-protocol ones. */
public sealed interface StatCounter permits IpsecStat, XformStat {
    /** The netstat text with {@code %s} where the plural suffix goes. */
    String text();
}
