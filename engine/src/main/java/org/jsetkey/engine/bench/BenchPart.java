package org.jsetkey.engine.bench;

import java.util.List;

/**
 * One part of {@code jsetkey --bench}: a name to select it, a line saying what it measures, and
 * a run that returns table rows. A part measures its own baseline in the same run, interleaved
 * with what it compares, and must finish in under two minutes on two cores.
 */
public interface BenchPart {
    /** The word that selects this part on the command line, e.g. {@code datapath}. */
    String name();

    /** One line for the table heading and {@code --help}. */
    String description();

    List<BenchRow> run(BenchRun run) throws Exception;
}
