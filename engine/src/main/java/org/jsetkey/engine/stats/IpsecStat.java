package org.jsetkey.engine.stats;

/** FreeBSD's {@code ipsecstats} counters, in {@code netstat -s -p ipsec} order (FreeBSD 12 list). */
public enum IpsecStat implements StatCounter {
    IN_POLVIO("inbound packet%s violated process security policy"),
    IN_NOMEM("inbound packet%s failed due to insufficient memory"),
    IN_INVAL("invalid inbound packet%s"),
    OUT_POLVIO("outbound packet%s violated process security policy"),
    OUT_NOSA("outbound packet%s with no SA available"),
    OUT_NOMEM("outbound packet%s failed due to insufficient memory"),
    OUT_NOROUTE("outbound packet%s with no route available"),
    OUT_INVAL("invalid outbound packet%s"),
    OUT_BUNDLESA("outbound packet%s with bundled SAs"),
    MB_COALESCED("mbuf%s coalesced during clone"),
    CL_COALESCED("cluster%s coalesced during clone"),
    CL_COPIED("cluster%s copied during clone"),
    MB_INSERTED("mbuf%s inserted during makespace");

    private final String text;

    IpsecStat(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
