package org.jsetkey.engine.sad;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.AddressPairTable;

/**
 * The SAD's map from (destination, protocol, SPI) to entry, keyed inline as four words in an
 * open-addressing table: SPI, protocol and family; the destination address; the zone's number.
 * A lookup in a SAD of a million SAs then reads one key slot and the entry, where a HashMap
 * walks node, key record, address and its byte array, each a cache miss. Not thread-safe:
 * {@link Sad} serialises access.
 */
final class SaTable {
    private final AddressPairTable<SaEntry> table = new AddressPairTable<>(false);
    /** Link-local zones ("em0") seen in keys, numbered from 1: a zone is part of an address. */
    private final Map<String, Integer> zones = new HashMap<>();

    int size() {
        return table.size();
    }

    SaEntry get(SaId id) {
        return get(id.dst(), id.type(), id.spi());
    }

    /** The same by the key's parts: no key value made (the inbound datapath's lookup). */
    SaEntry get(IpAddress dst, SaType type, long spi) {
        long zone = zone(dst, false);
        return zone < 0 ? null : table.get(word0(dst, type, spi), dst.highWord(), dst.lowWord(), zone);
    }

    /** Stores {@code entry} under {@code id}, replacing what was there. */
    void put(SaId id, SaEntry entry) {
        table.put(word0(id), id.dst().highWord(), id.dst().lowWord(), zone(id.dst(), true), entry);
    }

    /** Removes the entry under {@code id}; returns it, or null. */
    SaEntry remove(SaId id) {
        SaEntry e = get(id);
        if (e != null) {
            table.remove(word0(id), id.dst().highWord(), id.dst().lowWord(), zone(id.dst(), false));
        }
        return e;
    }

    /** Removes {@code entry} if it is the one under its id. */
    boolean remove(SaEntry entry) {
        if (get(entry.id()) != entry) {
            return false;
        }
        remove(entry.id());
        return true;
    }

    /** Removes every entry {@code match} accepts (it may act on each); returns how many. */
    int removeIf(Predicate<SaEntry> match) {
        List<SaEntry> doomed = new ArrayList<>();
        table.forEach(e -> {
            if (match.test(e)) {
                doomed.add(e);
            }
        });
        doomed.forEach(this::remove);
        return doomed.size();
    }

    /** Every entry, in no order a caller may rely on; no changes meanwhile. */
    void forEach(Consumer<SaEntry> action) {
        table.forEach(action);
    }

    /** 0 without a zone; -1 for a zone no key has (when not {@code add}ing it). */
    private long zone(IpAddress a, boolean add) {
        if (a.zone() == null) {
            return 0;
        }
        Integer n = add ? zones.computeIfAbsent(a.zone(), z -> zones.size() + 1) : zones.get(a.zone());
        return n == null ? -1 : n;
    }

    /** SPI, protocol and address family in one word. */
    private static long word0(SaId id) {
        return word0(id.dst(), id.type(), id.spi());
    }

    private static long word0(IpAddress dst, SaType type, long spi) {
        return spi << 8 | (long) type.ordinal() << 1 | (dst.isV4() ? 1 : 0);
    }
}
