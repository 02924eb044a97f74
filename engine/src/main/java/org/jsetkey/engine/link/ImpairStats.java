package org.jsetkey.engine.link;

/**
 * What an impairment did to the datagrams a host handed the link for one peer. Every datagram
 * is accounted for: {@code counted + duplicated = lost + overLimit + sent + waiting}, where
 * waiting are those still in the delay queue (and those discarded when the link closed).
 *
 * @param counted    datagrams the host sent to the peer while the impairment was set
 * @param lost       dropped by {@code loss} (a duplicate can be lost too)
 * @param duplicated extra copies made by {@code duplicate}
 * @param corrupted  sent with one bit flipped by {@code corrupt}
 * @param delayed    held back by {@code delay} or {@code rate}
 * @param reordered  sent at once by {@code reorder}, ahead of the delayed ones
 * @param overLimit  dropped because {@code limit} datagrams were already waiting
 * @param sent       datagrams put on the wire
 */
public record ImpairStats(long counted, long lost, long duplicated, long corrupted, long delayed, long reordered,
                          long overLimit, long sent) {
    public static final ImpairStats NONE = new ImpairStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** Datagrams neither sent nor dropped yet: still waiting in the delay queue. */
    public long waiting() {
        return counted + duplicated - lost - overLimit - sent;
    }

    /** {@code 200 counted: 41 lost, 0 duplicated, ...}, the line {@code link} prints. */
    public String format() {
        return counted + " counted: " + lost + " lost, " + duplicated + " duplicated, " + corrupted + " corrupted, "
                + delayed + " delayed, " + reordered + " reordered, " + overLimit + " over the limit; " + sent
                + " sent" + (waiting() > 0 ? ", " + waiting() + " waiting" : "");
    }
}
