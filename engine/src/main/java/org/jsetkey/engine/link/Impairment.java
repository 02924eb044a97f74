package org.jsetkey.engine.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a host does to the datagrams it sends one peer, in the words of Linux netem
 * ({@code tc qdisc add dev eth0 root netem ...}): {@code loss P%}, {@code delay T [JITTER]},
 * {@code reorder P%} (needs a delay: the chosen packets go at once, the rest wait),
 * {@code duplicate P%}, {@code corrupt P%} (one bit flipped), {@code rate R} (serialised at R),
 * {@code limit N} (packets waiting at most, netem's 1000 by default) and {@code seed N} so a run
 * repeats exactly. Percentages are 0-100; times in s, ms or us (a bare number is microseconds, as
 * tc reads it); rates in bit, kbit, mbit, gbit or bps, kbps, mbps (bytes).
 *
 * @param seed the random generator's seed, or null for one chosen when it is applied
 */
public record Impairment(double loss, long delayMicros, long jitterMicros, double reorder, double duplicate,
                         double corrupt, long rateBitsPerSecond, int limit, Long seed) {
    public static final int DEFAULT_LIMIT = 1000;
    /** The words {@link #parse} takes, for help and completion. */
    public static final List<String> WORDS = List.of("loss", "delay", "reorder", "duplicate", "corrupt", "rate",
            "limit", "seed");

    public Impairment {
        percent("loss", loss);
        percent("reorder", reorder);
        percent("duplicate", duplicate);
        percent("corrupt", corrupt);
        if (delayMicros < 0 || jitterMicros < 0 || rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("delay, jitter and rate cannot be negative");
        }
        if (jitterMicros > delayMicros) {
            throw new IllegalArgumentException("jitter " + time(jitterMicros) + " is larger than the delay "
                    + time(delayMicros));
        }
        if (reorder > 0 && delayMicros == 0) {
            throw new IllegalArgumentException("reordering not possible without specifying some delay"
                    + " (reorder 25% delay 5ms: a quarter go at once, the rest wait 5 ms)");
        }
        if (limit < 1 || limit > 1_000_000) {
            throw new IllegalArgumentException("limit " + limit + ": expected 1-1000000 packets");
        }
    }

    /** The same impairment with {@code seed}. */
    public Impairment withSeed(long s) {
        return new Impairment(loss, delayMicros, jitterMicros, reorder, duplicate, corrupt, rateBitsPerSecond, limit, s);
    }

    /** True when the settings change nothing (every datagram goes out at once, intact). */
    public boolean none() {
        return loss == 0 && delayMicros == 0 && reorder == 0 && duplicate == 0 && corrupt == 0
                && rateBitsPerSecond == 0;
    }

    /** Parses netem's words ({@code loss 5% delay 10ms 2ms seed 1}); the message names the word that is wrong. */
    public static Impairment parse(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", WORDS) + ", or off");
        }
        double loss = 0;
        double reorder = 0;
        double duplicate = 0;
        double corrupt = 0;
        long delay = 0;
        long jitter = 0;
        long rate = 0;
        int limit = DEFAULT_LIMIT;
        Long seed = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            String arg = i + 1 < words.size() ? words.get(i + 1) : null;
            switch (w) {
                case "loss" -> {
                    if ("random".equals(arg)) { // netem's "loss random P%"
                        i++;
                        arg = i + 1 < words.size() ? words.get(i + 1) : null;
                    }
                    loss = parsePercent(w, arg);
                }
                case "reorder" -> reorder = parsePercent(w, arg);
                case "duplicate" -> duplicate = parsePercent(w, arg);
                case "corrupt" -> corrupt = parsePercent(w, arg);
                case "delay" -> {
                    delay = parseTime(w, arg);
                    String next = i + 2 < words.size() ? words.get(i + 2) : null;
                    if (next != null && looksLikeTime(next)) {
                        jitter = parseTime("jitter", next);
                        i++;
                    }
                }
                case "rate" -> rate = parseRate(arg);
                case "limit" -> limit = (int) parseCount(w, arg, 1, 1_000_000);
                case "seed" -> seed = parseCount(w, arg, 0, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown word '" + words.get(i) + "': expected one of "
                        + String.join(", ", WORDS) + ", or off");
            }
            i++;
        }
        return new Impairment(loss, delay, jitter, reorder, duplicate, corrupt, rate, limit, seed);
    }

    /** netem's words for these settings, the seed last; {@code none} when nothing is set. */
    public String format() {
        List<String> l = new ArrayList<>();
        if (loss > 0) {
            l.add("loss " + percent(loss));
        }
        if (delayMicros > 0) {
            l.add("delay " + time(delayMicros) + (jitterMicros > 0 ? " " + time(jitterMicros) : ""));
        }
        if (reorder > 0) {
            l.add("reorder " + percent(reorder));
        }
        if (duplicate > 0) {
            l.add("duplicate " + percent(duplicate));
        }
        if (corrupt > 0) {
            l.add("corrupt " + percent(corrupt));
        }
        if (rateBitsPerSecond > 0) {
            l.add("rate " + rate(rateBitsPerSecond));
        }
        if (limit != DEFAULT_LIMIT) {
            l.add("limit " + limit);
        }
        if (l.isEmpty()) {
            l.add("none");
        }
        if (seed != null) {
            l.add("seed " + seed);
        }
        return String.join(" ", l);
    }

    private static void percent(String what, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException(what + " " + p + "%: expected 0-100%");
        }
    }

    private static double parsePercent(String word, String arg) {
        if (arg == null) {
            throw new IllegalArgumentException("expected a percentage after " + word + " (like 5%)");
        }
        String n = arg.endsWith("%") ? arg.substring(0, arg.length() - 1) : arg;
        try {
            double p = Double.parseDouble(n);
            if (p >= 0 && p <= 100 && !n.isEmpty() && Character.isDigit(n.charAt(n.length() - 1))) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(word + " '" + arg + "': expected a percentage 0-100 (like 5% or 0.1%)");
    }

    private static boolean looksLikeTime(String w) {
        return !w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '.');
    }

    private static long parseTime(String word, String arg) {
        if (arg == null) {
            throw new IllegalArgumentException("expected a time after " + word + " (like 10ms)");
        }
        String a = arg.toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < a.length() && (Character.isDigit(a.charAt(end)) || a.charAt(end) == '.')) {
            end++;
        }
        String unit = a.substring(end);
        double scale = switch (unit) {
            case "s", "sec", "secs" -> 1_000_000;
            case "ms", "msec", "msecs" -> 1_000;
            case "", "us", "usec", "usecs" -> 1;
            default -> -1;
        };
        try {
            double v = Double.parseDouble(a.substring(0, end));
            if (scale > 0 && v >= 0 && v * scale <= 60_000_000) {
                return Math.round(v * scale);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(word + " '" + arg + "': expected a time up to 60s (like 10ms, 500us, 1s)");
    }

    private static long parseRate(String arg) {
        if (arg == null) {
            throw new IllegalArgumentException("expected a rate after rate (like 1mbit)");
        }
        String a = arg.toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < a.length() && (Character.isDigit(a.charAt(end)) || a.charAt(end) == '.')) {
            end++;
        }
        double scale = switch (a.substring(end)) {
            case "", "bit" -> 1;
            case "kbit" -> 1e3;
            case "mbit" -> 1e6;
            case "gbit" -> 1e9;
            case "bps" -> 8;
            case "kbps" -> 8e3;
            case "mbps" -> 8e6;
            case "gbps" -> 8e9;
            default -> -1;
        };
        try {
            double v = Double.parseDouble(a.substring(0, end));
            if (scale > 0 && v * scale >= 8 && v * scale <= 1e12) {
                return Math.round(v * scale);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("rate '" + arg + "': expected a rate from 8bit to 1000gbit"
                + " (like 1mbit, 64kbit, 100kbps)");
    }

    private static long parseCount(String word, String arg, long min, long max) {
        if (arg == null) {
            throw new IllegalArgumentException("expected a number after " + word);
        }
        try {
            long v = Long.parseLong(arg);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(word + " '" + arg + "': expected a whole number " + min + "-" + max);
    }

    static String percent(double p) {
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    static String time(long micros) {
        if (micros % 1_000_000 == 0) {
            return micros / 1_000_000 + "s";
        }
        if (micros % 1000 == 0) {
            return micros / 1000 + "ms";
        }
        return micros >= 1000 ? trim(micros / 1000.0) + "ms" : micros + "us";
    }

    static String rate(long bits) {
        if (bits % 1_000_000_000L == 0) {
            return bits / 1_000_000_000L + "gbit";
        }
        if (bits % 1_000_000 == 0) {
            return bits / 1_000_000 + "mbit";
        }
        if (bits % 1000 == 0) {
            return bits / 1000 + "kbit";
        }
        return bits + "bit";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
