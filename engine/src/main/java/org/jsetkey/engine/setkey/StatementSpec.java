package org.jsetkey.engine.setkey;

import java.util.List;

import org.jsetkey.engine.setkey.stmt.Statement;

/**
 * The declaration of one statement: its word, its slots in order, a line of help and the
 * function that turns the slot values into the statement record (checking their meaning).
 */
public record StatementSpec(String keyword, List<Slot> slots, String help, Builder builder) {

    /** Builds the record from the values the parser read for the slots. */
    @FunctionalInterface
    interface Builder {
        Statement build(Values values);
    }

    public StatementSpec {
        slots = List.copyOf(slots);
    }

    /** {@code add [aiflags] <src> <dst> <protocol> <spi> [options] <algorithms> ;} */
    public String synopsis() {
        StringBuilder sb = new StringBuilder(keyword);
        for (Slot s : slots) {
            if (s.kind() == SlotKind.END) {
                sb.append(" ;");
            } else {
                sb.append(' ').append(s.optional() ? "[" + s.name() + "]" : "<" + s.name() + ">");
            }
        }
        return sb.toString();
    }
}
