package org.jsetkey.shell;

import java.util.List;

import org.jsetkey.engine.bench.BenchPart;
import org.jsetkey.engine.bench.DatapathBench;

/** Every part of {@code --bench}, in the order the table shows them. Add a part here. */
final class BenchParts {
    private BenchParts() {
    }

    static List<BenchPart> all() {
        return List.of(
                new DatapathBench());
    }
}
