package org.jsetkey.engine;

import java.util.ArrayList;
import java.util.List;
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

    /** The words of {@code values}, in the order given. */
    @SafeVarargs
    public static <E extends SetkeyWord> List<String> words(E... values) {
        List<String> l = new ArrayList<>(values.length);
        for (E e : values) {
            l.add(e.keyword());
        }
        return List.copyOf(l);
    }

    /** The {@link SetkeyWord} constant written {@code word}, or null. */
    public static <E extends Enum<E> & SetkeyWord> E find(E[] values, String word) {
        return find(values, SetkeyWord::keyword, word);
    }
}
