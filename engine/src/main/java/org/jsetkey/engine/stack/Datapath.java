package org.jsetkey.engine.stack;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.link.UdpLink;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.stats.Counters;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.engine.tun.TunInterface;
import org.jsetkey.engine.xform.Xform;

/**
 * What the output and input paths, the policy check, the acquire limiter and the key timer
 * work with. {@link Host} assembles it; none of them sees the host itself.
 *
 * @param drops       where a dropped packet is counted and published
 * @param local       whether an address is one of this host's
 * @param currentLink the link now, or null while the host has none
 * @param interfaces  the real interface a destination lies behind, or null
 * @param natt        the NAT-T (ESP in UDP) tally
 */
record Datapath(Clock clock, Sad sad, Spd spd, Sysctl sysctl, Counters counters, Xform xform, EventBus events,
                DropSink drops, Predicate<IpAddress> local, Supplier<UdpLink> currentLink,
                Function<IpAddress, TunInterface> interfaces, NatTTally natt) {

    boolean isLocal(IpAddress a) {
        return local.test(a);
    }

    UdpLink link() {
        return currentLink.get();
    }

    TunInterface interfaceFor(IpAddress dst) {
        return interfaces.apply(dst);
    }
}
