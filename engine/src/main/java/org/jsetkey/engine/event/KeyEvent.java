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
 * treats the kinds differently implements a {@link Visitor} instead of testing the class.
 */
public sealed interface KeyEvent {

    /** Epoch milliseconds when the event was raised. */
    long timeMillis();

    /** Which kind of message this is; its {@link EventType#label()} is the one name for it. */
    EventType type();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind; each falls back to {@link #otherwise}, so a visitor names only what it treats. */
    interface Visitor<R> {
        R otherwise(KeyEvent event);

        default R add(Add e) {
            return otherwise(e);
        }

        default R update(Update e) {
            return otherwise(e);
        }

        default R delete(Delete e) {
            return otherwise(e);
        }

        default R flush(Flush e) {
            return otherwise(e);
        }

        default R spdAdd(SpdAdd e) {
            return otherwise(e);
        }

        default R spdUpdate(SpdUpdate e) {
            return otherwise(e);
        }

        default R spdDelete(SpdDelete e) {
            return otherwise(e);
        }

        default R spdFlush(SpdFlush e) {
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

    record Add(long timeMillis, SecurityAssociation sa) implements KeyEvent {
        public EventType type() {
            return EventType.ADD;
        }

        public <R> R accept(Visitor<R> v) {
            return v.add(this);
        }
    }

    record Update(long timeMillis, SecurityAssociation sa) implements KeyEvent {
        public EventType type() {
            return EventType.UPDATE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.update(this);
        }
    }

    record Delete(long timeMillis, SecurityAssociation sa) implements KeyEvent {
        public EventType type() {
            return EventType.DELETE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.delete(this);
        }
    }

    /** A flush of all SAs ({@code type == null}) or of one protocol. */
    record Flush(long timeMillis, SaType saType) implements KeyEvent {
        public EventType type() {
            return EventType.FLUSH;
        }

        public <R> R accept(Visitor<R> v) {
            return v.flush(this);
        }
    }

    record SpdAdd(long timeMillis, SpdEntry entry) implements KeyEvent {
        public EventType type() {
            return EventType.SPDADD;
        }

        public <R> R accept(Visitor<R> v) {
            return v.spdAdd(this);
        }
    }

    record SpdUpdate(long timeMillis, SpdEntry entry) implements KeyEvent {
        public EventType type() {
            return EventType.SPDUPDATE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.spdUpdate(this);
        }
    }

    record SpdDelete(long timeMillis, SpdEntry entry) implements KeyEvent {
        public EventType type() {
            return EventType.SPDDELETE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.spdDelete(this);
        }
    }

    record SpdFlush(long timeMillis) implements KeyEvent {
        public EventType type() {
            return EventType.SPDFLUSH;
        }

        public <R> R accept(Visitor<R> v) {
            return v.spdFlush(this);
        }
    }

    /** An outbound packet needed an SA that does not exist (level require/unique). */
    record Acquire(long timeMillis, long seq, IpAddress src, IpAddress dst, PolicyRule rule, SpdEntry policy)
            implements KeyEvent {
        public EventType type() {
            return EventType.ACQUIRE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.acquire(this);
        }
    }

    /** A soft ({@code hard == false}) or hard lifetime ran out. */
    record Expire(long timeMillis, SaEntry sa, boolean hard) implements KeyEvent {
        public EventType type() {
            return EventType.EXPIRE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.expire(this);
        }
    }

    /** A packet was dropped; {@code explanation} says why in words. */
    record Drop(long timeMillis, DropReason reason, String explanation, List<String> details) implements KeyEvent {
        public EventType type() {
            return EventType.DROP;
        }

        public <R> R accept(Visitor<R> v) {
            return v.drop(this);
        }
    }
}
