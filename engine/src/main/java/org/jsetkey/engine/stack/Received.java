package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.Packet;

/** What the input path made of a packet: delivered here, to be forwarded, or dropped (already reported). */
sealed interface Received {
    Received DROPPED = new Dropped();

    record Deliver(Delivered delivered) implements Received {
    }

    record Forward(Packet packet) implements Received {
    }

    record Dropped() implements Received {
    }
}
