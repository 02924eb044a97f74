package org.jsetkey.shell;

import java.util.List;

import org.jsetkey.engine.bench.BenchPart;
import org.jsetkey.engine.bench.BulkBench;
import org.jsetkey.engine.bench.DatapathBench;
import org.jsetkey.engine.bench.LinkBench;
import org.jsetkey.engine.bench.SadBench;
import org.jsetkey.engine.bench.SpdBench;
import org.jsetkey.engine.bench.TunBench;

/** Every part of {@code --bench}, in the order the table shows them. Add a part here. */
final class BenchParts {
    private BenchParts() {
    }

    static List<BenchPart> all() {
        return List.of(
                new DatapathBench(),
                new LinkBench(),
                new SpdBench(),
                new SadBench(),
                new BulkBench(),
                new TunBench(),
                new StartupBench());
    }
}
