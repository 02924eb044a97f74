package org.jsetkey.engine.event;

import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;

/** PF_KEY-style messages the engine raises; monitors and scripts subscribe to them. */
public sealed interface KeyEvent {

    /** Epoch milliseconds when the event was raised. */
    long timeMillis();

    record Add(long timeMillis, SecurityAssociation sa) implements KeyEvent { }

    record Update(long timeMillis, SecurityAssociation sa) implements KeyEvent { }

    record Delete(long timeMillis, SecurityAssociation sa) implements KeyEvent { }

    /** A flush of all SAs ({@code type == null}) or of one protocol. */
    record Flush(long timeMillis, SaType type) implements KeyEvent { }

    record SpdAdd(long timeMillis, SpdEntry entry) implements KeyEvent { }

    record SpdUpdate(long timeMillis, SpdEntry entry) implements KeyEvent { }

    record SpdDelete(long timeMillis, SpdEntry entry) implements KeyEvent { }

    record SpdFlush(long timeMillis) implements KeyEvent { }

    /** An outbound packet needed an SA that does not exist (level require/unique). */
    record Acquire(long timeMillis, long seq, IpAddress src, IpAddress dst, PolicyRule rule, SpdEntry policy)
            implements KeyEvent { }

    /** A soft ({@code hard == false}) or hard lifetime ran out. */
    record Expire(long timeMillis, SaEntry sa, boolean hard) implements KeyEvent { }

    /** A packet was dropped; {@code reason} is a DropReason name, {@code explanation} says why in words. */
    record Drop(long timeMillis, String reason, String explanation, List<String> details) implements KeyEvent { }
}
