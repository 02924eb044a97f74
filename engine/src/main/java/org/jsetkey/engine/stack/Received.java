package org.jsetkey.engine.stack;

/**
 * What the input path made of a packet: delivered here ({@link InputFrame#delivered}), to be
 * forwarded ({@link InputFrame#forward}), or dropped (already reported).
 */
enum Received {
    DELIVER,
    FORWARD,
    DROPPED
}
