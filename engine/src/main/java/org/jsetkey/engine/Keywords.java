package org.jsetkey.engine;

import java.util.function.Function;

/** Lookup of the enums that stand for setkey words (modes, directions, actions, levels, protocols). */
public final class Keywords {
    private Keywords() {
    }

    /** The constant whose keyword is {@code word}, or null. */
    public static <E extends Enum<E>> E find(E[] values, Function<E, String> keyword, String word) {
        for (E e : values) {
            if (keyword.apply(e).equals(word)) {
                return e;
            }
        }
        return null;
    }

    /** The {@link SetkeyWord} constant written {@code word}, or null. */
    public static <E extends Enum<E> & SetkeyWord> E find(E[] values, String word) {
        return find(values, SetkeyWord::keyword, word);
    }
}
