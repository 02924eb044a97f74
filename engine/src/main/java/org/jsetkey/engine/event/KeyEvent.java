package org.jsetkey.engine.event;

import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.stats.DropReason;

/**
 * PF_KEY-style messages the engine raises; monitors and scripts subscribe to them. Code that
 * treats the kinds differently implements a {@link Visitor}; {@link #accept} is the one place
 * that tells the kinds apart.
 */
public sealed interface KeyEvent {

    /** Epoch milliseconds when the event was raised. */
    long timeMillis();

    /** Which kind of message this is; its {@link EventType#label()} is the one name for it. */
    default EventType type() {
        return EventType.of(this);
    }

    default <R> R accept(Visitor<R> v) {
        if (this instanceof SaChange c) {
            return v.saChange(c);
        } else if (this instanceof PolicyChange c) {
            return v.policyChange(c);
        } else if (this instanceof Flush f) {
            return v.flush(f);
        } else if (this instanceof Acquire a) {
            return v.acquire(a);
        } else if (this instanceof Expire x) {
            return v.expire(x);
        } else if (this instanceof Drop d) {
            return v.drop(d);
        }
        return v.otherwise(this);
    }

    /** What to do with each kind; a kind the visitor does not name goes to {@link #otherwise}. */
    interface Visitor<R> {
        R otherwise(KeyEvent event);

        default R saChange(SaChange e) {
            return otherwise(e);
        }

        default R policyChange(PolicyChange e) {
            return otherwise(e);
        }

        default R flush(Flush e) {
            return otherwise(e);
        }

        default R acquire(Acquire e) {
            return otherwise(e);
        }

        default R expire(Expire e) {
            return otherwise(e);
        }

        default R drop(Drop e) {
            return otherwise(e);
        }
    }

    /** ADD, UPDATE or DELETE of one SA. */
    sealed interface SaChange extends KeyEvent {
        SecurityAssociation sa();
    }

    /** SPDADD, SPDUPDATE or SPDDELETE of one policy. */
    sealed interface PolicyChange extends KeyEvent {
        SpdEntry entry();
    }

    record Add(long timeMillis, SecurityAssociation sa) implements SaChange { }

    record Update(long timeMillis, SecurityAssociation sa) implements SaChange { }

    record Delete(long timeMillis, SecurityAssociation sa) implements SaChange { }

    /** A flush of all SAs ({@code saType == null}) or of one protocol. */
    record Flush(long timeMillis, SaType saType) implements KeyEvent { }

    record SpdAdd(long timeMillis, SpdEntry entry) implements PolicyChange { }

    record SpdUpdate(long timeMillis, SpdEntry entry) implements PolicyChange { }

    record SpdDelete(long timeMillis, SpdEntry entry) implements PolicyChange { }

    record SpdFlush(long timeMillis) implements KeyEvent { }

    /** An outbound packet needed an SA that does not exist (level require/unique). */
    record Acquire(long timeMillis, long seq, IpAddress src, IpAddress dst, PolicyRule rule, SpdEntry policy)
            implements KeyEvent { }

    /** A soft ({@code hard == false}) or hard lifetime ran out. */
    record Expire(long timeMillis, SaEntry sa, boolean hard) implements KeyEvent { }

    /** A packet was dropped; {@code explanation} says why in words. */
    record Drop(long timeMillis, DropReason reason, String explanation, List<String> details) implements KeyEvent { }
}
