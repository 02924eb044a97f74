package org.jsetkey.engine.stats;

/**
 * Datagrams the UDP link itself refused before any IP processing: the lab's wire, which a
 * kernel has no counter for, shown as {@code netstat -s -p link}.
 */
public enum LinkStat implements StatCounter {
    STRANGER("datagram%s from an endpoint that is no peer"),
    MALFORMED("datagram%s neither an IP packet nor a control message"),
    HANDLER_FAILED("datagram%s the input path failed on");

    private final String text;

    LinkStat(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
