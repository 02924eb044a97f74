package org.jsetkey.engine.sad;

import java.util.Arrays;

import org.jsetkey.engine.net.AddressPairTable;
import org.jsetkey.engine.net.IpAddress;

/**
 * The SAs of each (src, dst) address pair, oldest first, so choosing an outbound packet's SA
 * reads the few SAs of its pair instead of walking the SAD (KAME keeps them under an SA head).
 * Keyed inline by the addresses' words; zones are left out of the key, so a caller compares the
 * addresses of what it gets. Not thread-safe: the SAD's lock guards it.
 */
final class OutboundIndex {
    private static final SaEntry[] NONE = new SaEntry[0];
    private final AddressPairTable<SaEntry[]> byPair = new AddressPairTable<>(false);

    /** The SAs from {@code src} to {@code dst} (and any that share their key words), oldest first. */
    SaEntry[] candidates(IpAddress src, IpAddress dst) {
        SaEntry[] held = get(src, dst);
        return held == null ? NONE : held;
    }

    void add(SaEntry entry) {
        SecurityAssociation sa = entry.sa();
        SaEntry[] held = get(sa.src(), sa.dst());
        SaEntry[] all = held == null ? new SaEntry[1] : Arrays.copyOf(held, held.length + 1);
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
        SaEntry[] held = get(sa.src(), sa.dst());
        int at = held == null ? -1 : Arrays.asList(held).indexOf(entry);
        if (at < 0) {
            return;
        }
        if (held.length == 1) {
            byPair.remove(sa.src().highWord(), sa.src().lowWord(), sa.dst().highWord(), sa.dst().lowWord());
            return;
        }
        SaEntry[] rest = new SaEntry[held.length - 1];
        System.arraycopy(held, 0, rest, 0, at);
        System.arraycopy(held, at + 1, rest, at, rest.length - at);
        put(sa.src(), sa.dst(), rest);
    }

    private SaEntry[] get(IpAddress src, IpAddress dst) {
        return byPair.get(src.highWord(), src.lowWord(), dst.highWord(), dst.lowWord());
    }

    private void put(IpAddress src, IpAddress dst, SaEntry[] entries) {
        byPair.put(src.highWord(), src.lowWord(), dst.highWord(), dst.lowWord(), entries);
    }
}
