package org.jsetkey.engine.picture;

import java.util.List;

/**
 * One header (or trailer, or payload) of a packet.
 *
 * @param name   what it is ({@code IPv4}, {@code AH}, {@code ICMP}, {@code ESP trailer})
 * @param offset where it starts, in bytes from the start of its section
 * @param fields its fields, in order
 */
public record Header(String name, int offset, List<Field> fields) {
    public Header {
        fields = List.copyOf(fields);
    }

    /** The header's length in bytes (its fields end on a byte boundary). */
    public int length() {
        Field last = fields.get(fields.size() - 1);
        return (last.bitOffset() + last.bits()) / 8;
    }
}
