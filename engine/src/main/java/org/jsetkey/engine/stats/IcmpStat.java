package org.jsetkey.engine.stats;

/** The ICMP/ICMPv6 input counters this host keeps, in FreeBSD's {@code netstat -s -p icmp} words. */
public enum IcmpStat implements StatCounter {
    TOO_SHORT("message%s < minimum length"),
    BAD_CHECKSUM("bad checksum%s");

    private final String text;

    IcmpStat(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
