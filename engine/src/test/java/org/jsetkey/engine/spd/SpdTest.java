package org.jsetkey.engine.spd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.junit.jupiter.api.Test;

class SpdTest {
    private final Spd spd = new Spd(Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC), new EventBus());

    private static Policy policy(String src, int plen, Direction dir, PolicyAction action) {
        Selector s = new Selector(new Prefix(IpAddress.parse(src), plen), 0,
                Prefix.host(IpAddress.parse("10.0.0.2")), 0, IpProtocol.ANY.number());
        return new Policy(s, dir, null, action, List.of(), null);
    }

    @Test
    void duplicateSelectorAndDirectionIsRefused() {
        spd.add(policy("10.0.0.1", 32, Direction.OUT, PolicyAction.NONE));
        spd.add(policy("10.0.0.1", 32, Direction.IN, PolicyAction.NONE));
        Refusal r = assertThrows(Refusal.class, () -> spd.add(policy("10.0.0.1", 32, Direction.OUT,
                PolicyAction.DISCARD)));
        assertEquals(Refusal.FILE_EXISTS, r.reason());
        assertEquals(2, spd.size());
    }

    @Test
    void snapshotGroupsInBeforeOutBeforeFwd() {
        spd.add(policy("10.0.0.1", 32, Direction.FWD, PolicyAction.NONE));
        spd.add(policy("10.0.0.1", 32, Direction.OUT, PolicyAction.NONE));
        spd.add(policy("10.0.0.1", 32, Direction.IN, PolicyAction.NONE));
        assertEquals(List.of(Direction.IN, Direction.OUT, Direction.FWD),
                spd.snapshot().stream().map(e -> e.policy().direction()).toList());
        assertEquals(3, spd.snapshot().get(0).id());
    }

    @Test
    void lookupPrefersMoreSpecificSelector() {
        spd.add(policy("10.0.0.0", 8, Direction.OUT, PolicyAction.NONE));
        spd.add(policy("10.0.0.1", 32, Direction.OUT, PolicyAction.DISCARD));
        Flow f = new Flow(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), IpProtocol.ICMP.number(), 8, 0);
        assertEquals(PolicyAction.DISCARD, spd.lookup(Direction.OUT, f).orElseThrow().policy().action());
        assertTrue(spd.lookup(Direction.IN, f).isEmpty());
        spd.delete(policy("10.0.0.1", 32, Direction.OUT, PolicyAction.NONE));
        assertEquals(PolicyAction.NONE, spd.lookup(Direction.OUT, f).orElseThrow().policy().action());
        assertEquals(Refusal.NO_ENTRY, assertThrows(Refusal.class,
                () -> spd.delete(policy("10.0.0.1", 32, Direction.OUT, PolicyAction.NONE))).reason());
    }
}
