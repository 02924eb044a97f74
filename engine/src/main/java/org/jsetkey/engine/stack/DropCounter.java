package org.jsetkey.engine.stack;

import java.time.Clock;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.Counters;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.XformStat;

/** Counts a drop in the FreeBSD counter its reason names and publishes it with its explanation. */
record DropCounter(Clock clock, Counters counters, EventBus events) implements DropSink {

    @Override
    public void drop(DropReason reason, boolean v6, SaType type, String explanation, List<String> details) {
        if (reason.ipsecStat() != null) {
            counters.add(v6, reason.ipsecStat());
        }
        if (reason.icmpStat() != null) {
            counters.add(v6, reason.icmpStat());
        }
        if (reason.linkStat() != null) {
            counters.add(reason.linkStat());
        }
        if (reason.xformStat() != null && type != null) {
            XformStat stat = reason.xformStat();
            if (stat == XformStat.BADILEN && type == SaType.AH) {
                stat = XformStat.BADAUTHL;
            }
            if (stat.appliesTo(type)) {
                counters.add(type, stat);
            } else {
                counters.add(type, XformStat.CRYPTO);
            }
        }
        events.publish(new KeyEvent.Drop(clock.millis(), reason, explanation, details));
    }
}
