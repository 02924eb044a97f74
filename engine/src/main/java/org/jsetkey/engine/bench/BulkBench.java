package org.jsetkey.engine.bench;

import java.io.BufferedWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.spd.Spd;

/**
 * Part 5, bulk: what {@code jsetkey -f FILE} does with a file of 100,000 {@code add} statements
 * (parse all, then apply), and what {@code -D} then does (the dump of 100,000 SAs streamed
 * through a buffered writer), in the program's own process. Two warm-up loads, then one load and
 * one dump per round into fresh databases; medians against the targets (100,000 statements/s,
 * 1 s for the dump).
 */
public final class BulkBench implements BenchPart {
    public static final int STATEMENTS = 100_000;
    private static final double RATE_TARGET = 100_000;
    private static final double DUMP_TARGET_SECONDS = 1.0;
    private static final int WARMUP = 2;
    private final int statements;

    public BulkBench() {
        this(STATEMENTS);
    }

    /** Tests use a smaller file. */
    public BulkBench(int statements) {
        this.statements = statements;
    }

    @Override
    public String name() {
        return "bulk";
    }

    @Override
    public String description() {
        return "-f of " + BenchRow.count(statements) + " add statements, then -D of those SAs";
    }

    /** ESP SAs with aes-cbc and hmac-sha1 keys, one a line, as a key manager would write them. */
    public static String addStatements(int count) {
        StringBuilder sb = new StringBuilder(count * 150);
        for (int i = 0; i < count; i++) {
            String host = (i >>> 16) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff);
            sb.append("add 10.").append(host).append(" 172.").append(16 + (i >>> 16)).append('.')
                    .append((i >>> 8) & 0xff).append('.').append(i & 0xff).append(" esp ").append(0x1000 + i)
                    .append(" -m transport -E aes-cbc 0x").append(String.format("%032x", i))
                    .append(" -A hmac-sha1 0x").append(String.format("%040x", (long) i * 7919)).append(";\n");
        }
        return sb.toString();
    }

    @Override
    public List<BenchRow> run(BenchRun run) throws Exception {
        String text = addStatements(statements);
        int rounds = WARMUP + run.rounds();
        double[] rates = new double[run.rounds()];
        double[] dumps = new double[run.rounds()];
        for (int r = 0; r < rounds; r++) {
            Sad sad = new Sad(Clock.systemUTC(), new EventBus());
            Setkey setkey = new Setkey(sad, new Spd(Clock.systemUTC(), new EventBus()), 1);
            long start = System.nanoTime();
            SetkeyResult result = setkey.run(text, "bulk.conf", QUIET);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            if (result.failed() || sad.size() != statements) {
                throw new IllegalStateException("load failed: " + result + ", " + sad.size() + " SAs");
            }
            CountingWriter sink = new CountingWriter();
            start = System.nanoTime();
            try (Writer w = new BufferedWriter(sink, 1 << 16)) {
                setkey.dumpSad(false, w);
            }
            double dumpSeconds = (System.nanoTime() - start) / 1e9;
            String what = r < WARMUP ? "warm-up " + (r + 1) + "/" + WARMUP : "round " + (r + 1 - WARMUP) + "/"
                    + run.rounds();
            run.say(String.format(Locale.ROOT, "%s: -f %.2f s, -D %.2f s (%d MB)", what, loadSeconds, dumpSeconds,
                    sink.chars >> 20));
            if (r >= WARMUP) {
                rates[r - WARMUP] = statements / loadSeconds;
                dumps[r - WARMUP] = dumpSeconds;
            }
        }
        double rate = median(rates);
        double dump = median(dumps);
        return List.of(
                BenchRow.atLeast("-f " + BenchRow.count(statements) + " adds, statements/s",
                        BenchRow.count(rate) + "/s", BenchRow.count(RATE_TARGET) + "/s (target)", rate / RATE_TARGET,
                        1.0),
                BenchRow.atMost("-D " + BenchRow.count(statements) + " SAs, streamed",
                        String.format(Locale.ROOT, "%.2f s", dump),
                        String.format(Locale.ROOT, "%.2f s (target)", DUMP_TARGET_SECONDS), dump / DUMP_TARGET_SECONDS,
                        1.0));
    }

    private static final SetkeyListener QUIET = new SetkeyListener() {
        @Override
        public void output(String text) {
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
        }
    };

    /** Takes the dump's characters and counts them: the dump is formatted and copied, not stored. */
    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
