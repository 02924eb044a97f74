package org.jsetkey.engine;

import java.util.Locale;

/**
 * An enum whose constants are setkey words: each is written as its name in lower case (an
 * underscore as a hyphen), and KAME numbers them in the order they are declared.
 */
public interface SetkeyWord {
    String name();

    int ordinal();

    /** The word as setkey reads and prints it. */
    default String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The KAME/PF_KEY number: the declaration order unless the constant says otherwise. */
    default int number() {
        return ordinal();
    }
}
