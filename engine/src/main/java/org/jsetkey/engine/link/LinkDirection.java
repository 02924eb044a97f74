package org.jsetkey.engine.link;

/** Which way a packet crossed the link, as seen from this host. */
public enum LinkDirection {
    IN, OUT
}
