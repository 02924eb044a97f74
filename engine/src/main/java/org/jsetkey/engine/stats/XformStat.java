package org.jsetkey.engine.stats;

import java.util.EnumSet;
import java.util.Set;

import org.jsetkey.engine.sad.SaType;

/**
 * FreeBSD's per-protocol counters ({@code ahstat}, {@code espstat}, {@code ipcompstat}) in
 * {@code netstat -s -p ah|esp|ipcomp} order; each knows which protocols print it.
 */
public enum XformStat implements StatCounter {
    HDROPS("packet%s shorter than header shows", all()),
    NOPF("packet%s dropped; protocol family not supported", all()),
    NOTDB("packet%s dropped; no TDB", all()),
    BADKCR("packet%s dropped; bad KCR", all()),
    QFULL("packet%s dropped; queue full", all()),
    NOXFORM("packet%s dropped; no transform", all()),
    BADILEN("packet%s dropped; bad ilen", EnumSet.of(SaType.ESP)),
    WRAP("replay counter wrap%s", all()),
    BADENC("packet%s dropped; bad encryption detected", EnumSet.of(SaType.ESP)),
    BADAUTH("packet%s dropped; bad authentication detected", EnumSet.of(SaType.AH, SaType.ESP)),
    BADAUTHL("packet%s dropped; bad authentication length", EnumSet.of(SaType.AH)),
    REPLAY("possible replay packet%s detected", EnumSet.of(SaType.AH, SaType.ESP)),
    INPUT("packet%s in", all()),
    OUTPUT("packet%s out", all()),
    INVALID("packet%s dropped; invalid TDB", all()),
    IBYTES("byte%s in", all()),
    OBYTES("byte%s out", all()),
    TOOBIG("packet%s dropped; larger than IP_MAXPACKET", all()),
    PDROPS("packet%s blocked due to policy", all()),
    CRYPTO("crypto processing failure%s", all()),
    TUNNEL("tunnel sanity check failure%s", EnumSet.of(SaType.AH, SaType.ESP)),
    // IPComp only, printed after its histogram
    THRESHOLD("packet%s sent uncompressed; size < compr. algo. threshold", EnumSet.of(SaType.IPCOMP)),
    UNCOMPR("packet%s sent uncompressed; compression was useless", EnumSet.of(SaType.IPCOMP));

    private final String text;
    private final Set<SaType> protocols;

    XformStat(String text, Set<SaType> protocols) {
        this.text = text;
        this.protocols = protocols;
    }

    private static Set<SaType> all() {
        return EnumSet.of(SaType.AH, SaType.ESP, SaType.IPCOMP);
    }

    @Override
    public String text() {
        return text;
    }

    public boolean appliesTo(SaType type) {
        return protocols.contains(type);
    }

    /** Counters printed after the output histogram (IPComp's two "sent uncompressed" lines). */
    public boolean afterHistogram() {
        return this == THRESHOLD || this == UNCOMPR;
    }
}
