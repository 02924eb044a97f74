package org.jsetkey.engine.sad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.net.IpAddress;
import org.junit.jupiter.api.Test;

class SadTest {
    private static final IpAddress A = IpAddress.parse("10.0.0.1");
    private static final IpAddress B = IpAddress.parse("10.0.0.2");

    private final EventBus events = new EventBus();
    private final Sad sad = new Sad(Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC), events);

    private static SecurityAssociation esp(long spi, SaMode mode) {
        return new SecurityAssociation(A, B, SaType.ESP, spi, mode, 0, 0, 0x40, null, null, null, null, null, null,
                null, null);
    }

    /** The datapath's lookup by parts finds what the lookup by key finds, and nothing else. */
    @Test
    void findByPartsAgreesWithGetByKey() {
        sad.add(esp(300, SaMode.ANY));
        SaEntry e = sad.get(new SaId(B, SaType.ESP, 300)).orElseThrow();
        assertSame(e, sad.find(B, SaType.ESP, 300));
        assertEquals(null, sad.find(B, SaType.ESP, 301));
        assertEquals(null, sad.find(A, SaType.ESP, 300));
        assertEquals(null, sad.find(B, SaType.AH, 300));
        assertEquals(null, sad.find(IpAddress.parse("fe80::2%em0"), SaType.ESP, 300));
    }

    @Test
    void duplicateKeyIsRefusedWithFileExists() {
        sad.add(esp(300, SaMode.ANY));
        Refusal r = assertThrows(Refusal.class, () -> sad.add(esp(300, SaMode.TUNNEL)));
        assertEquals(Refusal.FILE_EXISTS, r.reason());
        assertEquals(SaMode.ANY, sad.get(new SaId(B, SaType.ESP, 300)).orElseThrow().sa().mode());
    }

    @Test
    void updateAndDeleteOfMissingSaSayNoEntry() {
        assertEquals(Refusal.NO_ENTRY, assertThrows(Refusal.class, () -> sad.update(esp(300, SaMode.ANY))).reason());
        assertEquals(Refusal.NO_ENTRY,
                assertThrows(Refusal.class, () -> sad.delete(new SaId(B, SaType.ESP, 300))).reason());
    }

    @Test
    void snapshotIsNewestFirstAndEventsArePublished() {
        List<KeyEvent> seen = new ArrayList<>();
        events.subscribe(seen::add);
        sad.add(esp(300, SaMode.ANY));
        sad.add(esp(301, SaMode.ANY));
        assertEquals(301, sad.snapshot().get(0).sa().spi());
        assertEquals(1, sad.flush(SaType.AH) + 1);
        assertEquals(2, sad.flush(null));
        assertEquals(4, seen.size());
        assertTrue(seen.get(0) instanceof KeyEvent.Add);
    }

    /**
     * The key timer decides from an entry it read earlier: when the SA was deleted and added again
     * (or updated) meanwhile, the expiry must not remove or age the new SA, nor revive the old one.
     */
    @Test
    void expiryActsOnlyOnTheEntryItJudged() {
        SaEntry old = sad.add(esp(300, SaMode.ANY));
        sad.delete(old.id());
        SaEntry fresh = sad.add(esp(300, SaMode.TRANSPORT));
        assertFalse(sad.dying(old));
        assertEquals(SaState.DEAD, old.state(), "a deleted SA stays dead");
        assertFalse(sad.expire(old));
        assertSame(fresh, sad.get(old.id()).orElseThrow(), "the SA added again is still there");
        assertEquals(SaState.MATURE, fresh.state());

        SaEntry updated = sad.update(esp(300, SaMode.TUNNEL));
        assertFalse(sad.expire(fresh), "an update replaced the entry the timer judged");
        assertSame(updated, sad.get(old.id()).orElseThrow());
        assertTrue(sad.dying(updated));
        assertFalse(sad.dying(updated), "dying once");
        assertTrue(sad.expire(updated));
        assertEquals(SaState.DEAD, updated.state());
        assertEquals(0, sad.size());
    }

    @Test
    void outboundLookupHonoursModeAndPrefersOldest() {
        sad.add(esp(300, SaMode.TUNNEL));
        sad.add(esp(301, SaMode.ANY));
        sad.add(esp(302, SaMode.TRANSPORT));
        assertEquals(301, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, true).orElseThrow().sa().spi());
        assertEquals(302, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, false).orElseThrow().sa().spi());
        assertTrue(sad.findOutbound(B, A, SaType.ESP, SaMode.TRANSPORT, 0, true).isEmpty());
    }

    @Test
    void outboundChoiceFollowsDeleteUpdateExpireAndFlush() {
        sad.add(esp(300, SaMode.ANY));
        SaEntry second = sad.add(esp(301, SaMode.ANY));
        sad.delete(new SaId(B, SaType.ESP, 300));
        assertSame(second, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, true).orElseThrow());
        SaEntry updated = sad.update(esp(301, SaMode.TRANSPORT));
        assertSame(updated, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, true).orElseThrow());
        assertTrue(sad.findOutbound(A, B, SaType.ESP, SaMode.TUNNEL, 0, true).isEmpty());
        assertTrue(sad.expire(updated));
        assertTrue(sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, true).isEmpty());
        sad.add(esp(302, SaMode.ANY));
        assertEquals(1, sad.deleteAll(A, B, SaType.ESP).size());
        assertTrue(sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, true).isEmpty());
        sad.add(esp(303, SaMode.ANY));
        sad.flush(null);
        assertTrue(sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, true).isEmpty());
    }

    @Test
    void aRememberedOutboundChoiceGivesWayToEveryChange() {
        SaEntry first = sad.add(esp(300, SaMode.ANY));
        assertSame(first, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, false).orElseThrow());
        assertSame(first, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, false).orElseThrow());
        SaEntry newer = sad.add(esp(301, SaMode.ANY));
        assertSame(newer, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, false).orElseThrow());
        assertSame(first, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, true).orElseThrow());
        sad.delete(new SaId(B, SaType.ESP, 301));
        assertSame(first, sad.findOutbound(A, B, SaType.ESP, SaMode.TRANSPORT, 0, false).orElseThrow());
        assertTrue(sad.findOutbound(B, A, SaType.ESP, SaMode.TRANSPORT, 0, false).isEmpty());
        SaEntry back = sad.add(new SecurityAssociation(B, A, SaType.ESP, 302, SaMode.ANY, 0, 0, 0,
                null, null, null, null, null, null, null, null));
        assertSame(back, sad.findOutbound(B, A, SaType.ESP, SaMode.TRANSPORT, 0, false).orElseThrow(),
                "a flow that had no SA finds the one added since");
    }
}
