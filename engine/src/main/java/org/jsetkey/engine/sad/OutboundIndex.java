package org.jsetkey.engine.sad;

import java.util.Arrays;

import org.jsetkey.engine.net.AddressPairTable;
import org.jsetkey.engine.net.IpAddress;

/**
 * The SAs of each (src, dst) address pair, oldest first, so choosing an outbound packet's SA
 * reads the few SAs of its pair instead of walking the SAD (KAME keeps them under an SA head).
 * Keyed inline by the addresses' words; zones are left out of the key, so what it finds is
 * checked against the addresses ({@link SaEntry#fitsOutbound}). A pair with one SA holds the
 * entry itself, one with several an array of them: in a SAD of a million SAs the choice then
 * reads the key slot, the value slot and the entry, not also an array. Not thread-safe: the
 * SAD's lock guards it.
 */
final class OutboundIndex {
    /** Each value is an SaEntry or, for a pair with several SAs, an SaEntry[] oldest first. */
    private final AddressPairTable<Object> byPair = new AddressPairTable<>(false);

    /**
     * The SA an outbound packet uses: the oldest that fits (net.key.preferred_oldsa=1), or the
     * newest when {@code preferOld} is false; null when none fits.
     */
    SaEntry choose(IpAddress src, IpAddress dst, SaType type, SaMode mode, long reqid, boolean preferOld) {
        Object held = get(src, dst);
        if (held instanceof SaEntry e) {
            return e.fitsOutbound(src, dst, type, mode, reqid) ? e : null;
        }
        if (held == null) {
            return null;
        }
        SaEntry best = null;
        for (SaEntry e : (SaEntry[]) held) {
            if (e.fitsOutbound(src, dst, type, mode, reqid)) {
                best = e;
                if (preferOld) {
                    break;
                }
            }
        }
        return best;
    }

    void add(SaEntry entry) {
        SecurityAssociation sa = entry.sa();
        Object held = get(sa.src(), sa.dst());
        if (held == null) {
            put(sa.src(), sa.dst(), entry);
            return;
        }
        SaEntry[] old = held instanceof SaEntry e ? new SaEntry[] {e} : (SaEntry[]) held;
        SaEntry[] all = Arrays.copyOf(old, old.length + 1);
        int i = all.length - 1;
        while (i > 0 && all[i - 1].order() > entry.order()) {
            all[i] = all[i - 1];
            i--;
        }
        all[i] = entry;
        put(sa.src(), sa.dst(), all);
    }

    void remove(SaEntry entry) {
        SecurityAssociation sa = entry.sa();
        Object held = get(sa.src(), sa.dst());
        if (held == entry) {
            byPair.remove(sa.src().highWord(), sa.src().lowWord(), sa.dst().highWord(), sa.dst().lowWord());
            return;
        }
        if (!(held instanceof SaEntry[] all)) {
            return;
        }
        int at = Arrays.asList(all).indexOf(entry);
        if (at < 0) {
            return;
        }
        if (all.length == 2) {
            put(sa.src(), sa.dst(), all[1 - at]);
            return;
        }
        SaEntry[] rest = new SaEntry[all.length - 1];
        System.arraycopy(all, 0, rest, 0, at);
        System.arraycopy(all, at + 1, rest, at, rest.length - at);
        put(sa.src(), sa.dst(), rest);
    }

    private Object get(IpAddress src, IpAddress dst) {
        return byPair.get(src.highWord(), src.lowWord(), dst.highWord(), dst.lowWord());
    }

    private void put(IpAddress src, IpAddress dst, Object value) {
        byPair.put(src.highWord(), src.lowWord(), dst.highWord(), dst.lowWord(), value);
    }
}
