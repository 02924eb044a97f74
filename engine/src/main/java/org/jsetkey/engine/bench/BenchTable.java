package org.jsetkey.engine.bench;

import java.util.ArrayList;
import java.util.List;

/** The one table {@code --bench} prints: a row per measurement, the part's name in front. */
public final class BenchTable {
    private static final String[] HEADINGS = {"part", "measure", "figure", "baseline", "ratio", "target", "verdict"};
    private final List<String[]> cells = new ArrayList<>();

    public void add(String part, BenchRow row) {
        cells.add(new String[] {part, row.name(), row.figure(), row.baseline(), BenchRow.times(row.ratio()),
            row.target(), row.verdict().word()});
    }

    public boolean missed() {
        return cells.stream().anyMatch(c -> c[6].equals(BenchRow.Verdict.MISSED.word()));
    }

    public String format() {
        int[] width = new int[HEADINGS.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADINGS);
        all.addAll(cells);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean number = i == 4;
                String cell = number ? " ".repeat(width[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(width[i] - row[i].length());
                line.append(cell).append(i + 1 < row.length ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
