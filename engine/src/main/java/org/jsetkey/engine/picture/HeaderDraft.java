package org.jsetkey.engine.picture;

import java.util.ArrayList;
import java.util.List;

/** Fields added one after the other, each starting where the last one ended. */
final class HeaderDraft {
    private final String name;
    private final int offset;
    private final List<Field> fields = new ArrayList<>();
    private int bit;

    HeaderDraft(String name, int offset) {
        this.name = name;
        this.offset = offset;
    }

    HeaderDraft field(String fieldName, int bits, String value) {
        fields.add(new Field(fieldName, bit, bits, value, false));
        bit += bits;
        return this;
    }

    /** A run of {@code bytes} bytes shown by length and first bytes; nothing when it is empty. */
    HeaderDraft bytes(String fieldName, byte[] d, int from, int bytes) {
        if (bytes > 0) {
            field(fieldName, bytes * 8, describe(d, from, bytes));
        }
        return this;
    }

    Header build() {
        return new Header(name, offset, fields);
    }

    static String describe(byte[] d, int from, int len) {
        StringBuilder sb = new StringBuilder();
        sb.append(len).append(len == 1 ? " byte" : " bytes");
        if (len <= 4) {
            sb.append(": ");
            for (int i = 0; i < len; i++) {
                sb.append(String.format("%02x", d[from + i] & 0xff));
            }
        }
        return sb.toString();
    }
}
