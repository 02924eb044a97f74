package org.jsetkey.engine.setkey;

import java.util.List;

/** An SA option ({@code -m transport}, {@code -lh 3600}): the option word, its arguments and help. */
public record OptionSpec(String option, List<SlotKind> arguments, String help) {
    public OptionSpec {
        arguments = List.copyOf(arguments);
    }
}
