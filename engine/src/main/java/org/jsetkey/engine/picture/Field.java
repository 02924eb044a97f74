package org.jsetkey.engine.picture;

/**
 * One field of a header as RFC diagrams draw it.
 *
 * @param name      the RFC's name for it ({@code Sequence Number})
 * @param bitOffset where it starts, in bits from the start of its header
 * @param bits      how long it is
 * @param value     its value as text ({@code 64}, {@code 0x00003d54}, {@code 56 bytes})
 * @param zeroed    AH zeroes it before computing the ICV (a mutable field, or the ICV itself)
 */
public record Field(String name, int bitOffset, int bits, String value, boolean zeroed) {
    public Field {
        if (bits <= 0 || bitOffset < 0) {
            throw new IllegalArgumentException("field " + name + ": offset " + bitOffset + ", " + bits + " bits");
        }
    }

    Field asZeroed() {
        return new Field(name, bitOffset, bits, value, true);
    }
}
