package org.jsetkey.engine.bench;

import java.util.function.Consumer;

/**
 * What every part is given: the number of measured rounds (after the warm-up, which does not
 * depend on it) and where progress lines go (standard error, so the table stays clean).
 */
public record BenchRun(int rounds, Consumer<String> progress) {
    public static final int DEFAULT_ROUNDS = 3;
    public static final int MAX_ROUNDS = 20;

    public BenchRun {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds: " + rounds + " (expected: 1-" + MAX_ROUNDS + ")");
        }
    }

    public void say(String line) {
        progress.accept(line);
    }
}
