package org.jsetkey.engine.sad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jsetkey.engine.net.IpAddress;
import org.junit.jupiter.api.Test;

/** The SAD's open-addressing table against a HashMap doing the same adds, replaces and removes. */
class SaTableTest {
    private static final IpAddress SRC = IpAddress.parse("10.0.0.1");
    private static final IpAddress[] DSTS = {IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.3"),
        IpAddress.parse("::ffff:10.0.0.2"), IpAddress.parse("fe80::1%em0"), IpAddress.parse("fe80::1%em1"),
        IpAddress.parse("fe80::1"), IpAddress.parse("2001:db8::2")};

    private static SaEntry entry(IpAddress dst, SaType type, long spi) {
        IpAddress src = dst.isV4() ? SRC : IpAddress.parse("2001:db8::1");
        return new SaEntry(new SecurityAssociation(src, dst, type, spi, SaMode.ANY, 0, 0, 0x40, null, null, null,
                null, null, null, null, null), 0, 0, SaState.MATURE);
    }

    @Test
    void agreesWithAHashMapThroughGrowthReplacesAndBackwardShiftRemoves() {
        SaTable table = new SaTable();
        Map<SaId, SaEntry> reference = new HashMap<>();
        Random random = new Random(20261201);
        SaType[] types = {SaType.ESP, SaType.AH, SaType.IPCOMP};
        for (int step = 0; step < 40_000; step++) {
            // few SPIs: keys collide on purpose, so runs form and removals shift them
            SaId id = new SaId(DSTS[random.nextInt(DSTS.length)], types[random.nextInt(types.length)],
                    random.nextInt(600) == 0 ? 0xffffffffL : random.nextInt(3000));
            if (random.nextInt(3) == 0) {
                SaEntry removed = table.remove(id);
                assertSame(reference.remove(id), removed, id.toString());
            } else {
                SaEntry e = entry(id.dst(), id.type(), id.spi());
                table.put(id, e);
                reference.put(id, e);
            }
            assertEquals(reference.size(), table.size());
        }
        for (Map.Entry<SaId, SaEntry> e : reference.entrySet()) {
            assertSame(e.getValue(), table.get(e.getKey()), e.getKey().toString());
        }
        Set<SaEntry> iterated = new HashSet<>();
        table.forEach(iterated::add);
        assertEquals(new HashSet<>(reference.values()), iterated);
    }

    @Test
    void addressesThatDifferOnlyInZoneOrFamilyAreDifferentKeys() {
        SaTable table = new SaTable();
        for (IpAddress dst : DSTS) {
            table.put(new SaId(dst, SaType.ESP, 0x1000), entry(dst, SaType.ESP, 0x1000));
        }
        assertEquals(DSTS.length, table.size());
        for (IpAddress dst : DSTS) {
            assertEquals(dst, table.get(new SaId(dst, SaType.ESP, 0x1000)).sa().dst());
        }
        assertNull(table.get(new SaId(IpAddress.parse("fe80::1%em2"), SaType.ESP, 0x1000)));
        assertNull(table.get(new SaId(DSTS[0], SaType.AH, 0x1000)));
    }

    @Test
    void removeOfAnEntryTakesOnlyThatEntryAndRemoveIfCounts() {
        SaTable table = new SaTable();
        SaId id = new SaId(DSTS[0], SaType.ESP, 7);
        SaEntry first = entry(DSTS[0], SaType.ESP, 7);
        SaEntry second = entry(DSTS[0], SaType.ESP, 7);
        table.put(id, first);
        table.put(id, second);
        assertFalse(table.remove(first));
        assertSame(second, table.get(id));
        for (long spi = 100; spi < 200; spi++) {
            table.put(new SaId(DSTS[1], SaType.AH, spi), entry(DSTS[1], SaType.AH, spi));
        }
        assertEquals(100, table.removeIf(e -> e.sa().type() == SaType.AH));
        assertEquals(1, table.size());
        assertTrue(table.remove(second));
        assertEquals(0, table.size());
    }
}
