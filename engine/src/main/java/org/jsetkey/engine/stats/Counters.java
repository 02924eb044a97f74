package org.jsetkey.engine.stats;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import org.jsetkey.engine.sad.SaType;

/**
 * Every counter a host keeps: the ipsec and ipsec6 families and one set per transform
 * protocol with its output histogram (packets per algorithm id). Lock-free.
 */
public final class Counters {
    private final AtomicLongArray ipsec = new AtomicLongArray(IpsecStat.values().length);
    private final AtomicLongArray ipsec6 = new AtomicLongArray(IpsecStat.values().length);
    private final Map<SaType, AtomicLongArray> xform = new EnumMap<>(SaType.class);
    private final Map<SaType, AtomicLongArray> histogram = new EnumMap<>(SaType.class);
    private final AtomicLongArray icmp = new AtomicLongArray(IcmpStat.values().length);
    private final AtomicLongArray icmp6 = new AtomicLongArray(IcmpStat.values().length);
    private final AtomicLongArray link = new AtomicLongArray(LinkStat.values().length);

    public Counters() {
        for (SaType t : new SaType[] {SaType.AH, SaType.ESP, SaType.IPCOMP}) {
            xform.put(t, new AtomicLongArray(XformStat.values().length));
            histogram.put(t, new AtomicLongArray(256));
        }
    }

    public void add(boolean v6, IpsecStat stat) {
        (v6 ? ipsec6 : ipsec).incrementAndGet(stat.ordinal());
    }

    public long get(boolean v6, IpsecStat stat) {
        return (v6 ? ipsec6 : ipsec).get(stat.ordinal());
    }

    public void add(boolean v6, IcmpStat stat) {
        (v6 ? icmp6 : icmp).incrementAndGet(stat.ordinal());
    }

    public long get(boolean v6, IcmpStat stat) {
        return (v6 ? icmp6 : icmp).get(stat.ordinal());
    }

    public void add(LinkStat stat) {
        link.incrementAndGet(stat.ordinal());
    }

    public long get(LinkStat stat) {
        return link.get(stat.ordinal());
    }

    public void add(SaType type, XformStat stat) {
        add(type, stat, 1);
    }

    public void add(SaType type, XformStat stat, long n) {
        AtomicLongArray a = xform.get(type);
        if (a != null) {
            a.addAndGet(stat.ordinal(), n);
        }
    }

    public long get(SaType type, XformStat stat) {
        AtomicLongArray a = xform.get(type);
        return a == null ? 0 : a.get(stat.ordinal());
    }

    /** Counts one output packet for the SA's algorithm (auth id for AH, encryption id for ESP, compression id for IPComp). */
    public void output(SaType type, int algorithmId) {
        AtomicLongArray h = histogram.get(type);
        if (h != null && algorithmId >= 0 && algorithmId < 256) {
            h.incrementAndGet(algorithmId);
        }
    }

    public long histogram(SaType type, int algorithmId) {
        AtomicLongArray h = histogram.get(type);
        return h == null ? 0 : h.get(algorithmId);
    }
}
