package org.jsetkey.engine.stack;

/** What the output path made of a packet: on the link, addressed to this host itself, or dropped (already reported). */
sealed interface Sent {
    Sent ON_LINK = new OnLink();
    Sent DROPPED = new Dropped();

    record OnLink() implements Sent {
    }

    record ToSelf(byte[] packet) implements Sent {
    }

    record Dropped() implements Sent {
    }
}
