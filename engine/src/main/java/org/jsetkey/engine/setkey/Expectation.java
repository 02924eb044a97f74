package org.jsetkey.engine.setkey;

import java.util.List;

/**
 * What the grammar accepts at the end of some partial input.
 *
 * @param kind       the slot (or part of a slot) that comes next; {@link SlotKind#INVALID} when the input is already wrong
 * @param help       one line about that slot (for INVALID: the error)
 * @param candidates the words valid there that start with {@code partial} (empty for free input such as addresses)
 * @param partial    the unfinished word at the end of the input ("" after a blank)
 */
public record Expectation(SlotKind kind, String help, List<String> candidates, String partial) {
    public Expectation {
        candidates = List.copyOf(candidates);
    }

    /** The same expectation with the candidates narrowed to those starting with {@code prefix}. */
    Expectation narrowed(String prefix) {
        return new Expectation(kind, help, candidates.stream().filter(c -> c.startsWith(prefix)).toList(), prefix);
    }
}
