package org.jsetkey.shell;

import java.util.List;

import org.jsetkey.engine.bench.TransformBenchmark;
import org.jsetkey.shell.command.CommandOutput;

/** {@code jsetkey --bench [ROUNDS]}: the transform benchmark with its report. */
final class Bench {
    private static final int PAYLOAD = 1372;
    private static final long MILLIS_PER_CASE = 300;
    private static final int MAX_ROUNDS = 20;

    private Bench() {
    }

    static int run(int rounds, CommandOutput output) {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            output.errorln("jsetkey: --bench rounds: " + rounds + " (expected: 1-" + MAX_ROUNDS + ")");
            return 1;
        }
        try {
            List<TransformBenchmark.Result> results = TransformBenchmark.run(TransformBenchmark.defaultCases(),
                    PAYLOAD, rounds, MILLIS_PER_CASE, line -> output.errorln("bench: " + line));
            output.out(TransformBenchmark.format(results, PAYLOAD));
            output.println("ratio = packets/s relative to the first line, measured in the same run");
            return 0;
        } catch (Exception e) {
            output.errorln("jsetkey: bench failed: " + e.getMessage());
            return 1;
        }
    }
}
