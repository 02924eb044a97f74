package org.jsetkey.engine.bench;

import java.util.Locale;

/**
 * One line of the bench table: what was measured, its figure and the baseline's (with units),
 * figure/baseline, the target and whether it was met.
 *
 * @param ratio NaN when the row has no ratio (e.g. bytes per SA against a fixed budget)
 */
public record BenchRow(String name, String figure, String baseline, double ratio, String target, Verdict verdict) {
    public enum Verdict {
        MET("met"), MISSED("MISSED"), NONE("-");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    /** A higher-is-better ratio that must reach {@code min}. */
    public static BenchRow atLeast(String name, String figure, String baseline, double ratio, double min) {
        return new BenchRow(name, figure, baseline, ratio, ">= " + times(min), Verdict.of(ratio >= min));
    }

    /** A lower-is-better ratio (times, sizes) that must stay within {@code max}. */
    public static BenchRow atMost(String name, String figure, String baseline, double ratio, double max) {
        return new BenchRow(name, figure, baseline, ratio, "<= " + times(max), Verdict.of(ratio <= max));
    }

    /** A figure shown for reading, with no target. */
    public static BenchRow info(String name, String figure, String baseline, double ratio) {
        return new BenchRow(name, figure, baseline, ratio, "-", Verdict.NONE);
    }

    public static String times(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** 612345.6 → {@code 612k}; keeps three significant figures for a table cell. */
    public static String count(double value) {
        if (value >= 10e6) {
            return String.format(Locale.ROOT, "%.0fM", value / 1e6);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (value >= 10e3) {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        if (value >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
