package org.jsetkey.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jsetkey.engine.bench.BenchPart;
import org.jsetkey.engine.bench.BenchRow;
import org.jsetkey.engine.bench.BenchRun;
import org.jsetkey.engine.bench.BenchTable;
import org.jsetkey.shell.command.CommandOutput;

/**
 * {@code jsetkey --bench [NAME...] [ROUNDS]}: runs the named parts (all without a name) and prints
 * one table. Progress goes to standard error, the table to standard output. Exit status 1 when a
 * part could not run or a row missed its target (so CI can use it), else 0.
 */
final class Bench {
    private Bench() {
    }

    static int run(List<String> words, CommandOutput output) {
        return run(words, BenchParts.all(), output);
    }

    static int run(List<String> words, List<BenchPart> known, CommandOutput output) {
        int rounds = BenchRun.DEFAULT_ROUNDS;
        List<BenchPart> chosen = new ArrayList<>();
        for (String w : words) {
            if (w.chars().allMatch(Character::isDigit) && !w.isEmpty()) {
                rounds = Integer.parseInt(w.length() > 6 ? "0" : w);
                if (rounds < 1 || rounds > BenchRun.MAX_ROUNDS) {
                    output.errorln("jsetkey: --bench rounds: " + w + " (expected: 1-" + BenchRun.MAX_ROUNDS + ")");
                    return 1;
                }
                continue;
            }
            BenchPart part = known.stream().filter(p -> p.name().equals(w)).findFirst().orElse(null);
            if (part == null) {
                output.errorln("jsetkey: --bench: unknown part '" + w + "' (expected: "
                        + known.stream().map(BenchPart::name).collect(Collectors.joining(", ")) + ", or ROUNDS)");
                return 1;
            }
            if (!chosen.contains(part)) {
                chosen.add(part);
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(known);
        }
        BenchTable table = new BenchTable();
        boolean failed = false;
        for (BenchPart part : chosen) {
            String name = part.name();
            BenchRun run = new BenchRun(rounds, line -> output.errorln("bench " + name + ": " + line));
            run.say(part.description());
            long start = System.nanoTime();
            try {
                for (BenchRow row : part.run(run)) {
                    table.add(name, row);
                }
                run.say(String.format("done in %.1f s", (System.nanoTime() - start) / 1e9));
            } catch (Exception e) {
                failed = true;
                output.errorln("jsetkey: bench " + name + " failed: " + e);
            }
        }
        output.out(table.format());
        output.println("ratio = figure / baseline, both measured in this run, interleaved; "
                + rounds + " measured round(s) after warm-up");
        if (table.missed()) {
            output.errorln("jsetkey: --bench: a target was missed (MISSED in the table)");
        }
        return failed || table.missed() ? 1 : 0;
    }
}
