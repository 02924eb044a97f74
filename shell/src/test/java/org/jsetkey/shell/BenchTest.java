package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.bench.BenchPart;
import org.jsetkey.engine.bench.BenchRow;
import org.jsetkey.engine.bench.BenchRun;
import org.jsetkey.shell.command.RecordingOutput;
import org.junit.jupiter.api.Test;

/** How --bench chooses parts, passes rounds, and builds its one table (the parts' speed is not tested). */
class BenchTest {
    private final RecordingOutput output = new RecordingOutput();
    private final StringBuffer out = output.out;
    private final StringBuffer err = output.err;

    /** A part that reports the rounds it was given, as a row. */
    private record RoundsPart(String name, List<String> ran) implements BenchPart {
        @Override
        public String description() {
            return "reports its rounds";
        }

        @Override
        public List<BenchRow> run(BenchRun run) {
            ran.add(name);
            run.say("measuring");
            return List.of(BenchRow.atLeast(name + " rounds", String.valueOf(run.rounds()), "1", run.rounds(), 2));
        }
    }

    @Test
    void namedPartsRunInTheOrderGivenWithTheRounds() {
        List<String> ran = new ArrayList<>();
        List<BenchPart> parts = List.of(new RoundsPart("one", ran), new RoundsPart("two", ran));
        assertEquals(0, Bench.run(List.of("two", "5", "one"), parts, output));
        assertEquals(List.of("two", "one"), ran);
        String[] lines = out.toString().split("\n");
        assertTrue(lines[0].startsWith("part  measure     figure  baseline  ratio  target    verdict"), lines[0]);
        assertEquals("two   two rounds  5       1         5.00x  >= 2.00x  met", lines[1]);
        assertEquals("one   one rounds  5       1         5.00x  >= 2.00x  met", lines[2]);
        assertTrue(lines[3].contains("5 measured round(s) after warm-up"), lines[3]);
        assertTrue(err.toString().contains("bench two: measuring\n"), err.toString());
    }

    @Test
    void noNameRunsEveryPartWithThreeRounds() {
        List<String> ran = new ArrayList<>();
        assertEquals(0, Bench.run(List.of(), List.of(new RoundsPart("one", ran), new RoundsPart("two", ran)), output));
        assertEquals(List.of("one", "two"), ran);
        assertTrue(out.toString().contains("one rounds  3       1         3.00x  >= 2.00x  met"), out.toString());
    }

    @Test
    void aMissedTargetMakesTheStatusOne() {
        List<String> ran = new ArrayList<>();
        assertEquals(1, Bench.run(List.of("one", "1"), List.of(new RoundsPart("one", ran)), output));
        assertTrue(out.toString().contains("one rounds  1       1         1.00x  >= 2.00x  MISSED"), out.toString());
        assertTrue(err.toString().endsWith("jsetkey: --bench: a target was missed (MISSED in the table)\n"),
                err.toString());
    }

    @Test
    void aPartThatFailsIsNamedAndTheStatusIsOne() {
        BenchPart broken = new BenchPart() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String description() {
                return "fails";
            }

            @Override
            public List<BenchRow> run(BenchRun run) {
                throw new IllegalStateException("no link");
            }
        };
        assertEquals(1, Bench.run(List.of("broken"), List.of(broken), output));
        assertTrue(err.toString().contains("jsetkey: bench broken failed: java.lang.IllegalStateException: no link"),
                err.toString());
    }
}
