package org.jsetkey.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.bench.BenchPart;
import org.jsetkey.engine.bench.BenchRow;
import org.jsetkey.engine.bench.BenchRun;

/**
 * Part 6, start-up: {@code scripts/jsetkey -c < small.conf} and the time until the console's
 * prompt shows on a terminal ({@code script(1)} gives it one), each against {@code java -version}
 * launched in the same round, rounds interleaved. Uses the launcher next to the running jar (so
 * its class-data sharing archive counts), or the jar itself when there is no launcher.
 */
final class StartupBench implements BenchPart {
    static final String SMALL_CONF = """
            flush;
            spdflush;
            add 192.0.2.10 198.51.100.20 ah 15700 -A hmac-md5 "1234567890123456";
            add 198.51.100.20 192.0.2.10 ah 24500 -A hmac-md5 "1234567890123456";
            add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc "12345";
            add 198.51.100.20 192.0.2.10 esp 24501 -E blowfish-cbc "12345";
            spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//use ah/transport//use;
            spdadd 198.51.100.20 192.0.2.10 any -P in ipsec esp/transport//use ah/transport//use;
            """;
    private static final long TIMEOUT_SECONDS = 60;
    private static final String PROMPT = "jsetkey> ";

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "start-up: -c < small.conf and the console's ready prompt against java -version";
    }

    @Override
    public List<BenchRow> run(BenchRun run) throws Exception {
        Path dir = Files.createTempDirectory("jsetkey-bench");
        try {
            Path conf = Files.writeString(dir.resolve("small.conf"), SMALL_CONF);
            List<String> program = program();
            run.say("launching " + String.join(" ", program));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            int rounds = run.rounds() + 1; // the first round fills the file cache and is not counted
            double[] version = new double[run.rounds()];
            double[] batch = new double[run.rounds()];
            double[] prompt = new double[run.rounds()];
            for (int r = 0; r < rounds; r++) {
                double v = timed(List.of(java, "-version"), null, dir);
                double c = timed(concat(program, "-c"), conf, dir);
                double p = untilPrompt(program, dir);
                run.say(String.format(Locale.ROOT, "round %d: java -version %.0f ms, -c %.0f ms, prompt %.0f ms%s",
                        r, v * 1e3, c * 1e3, p * 1e3, r == 0 ? " (warm-up)" : ""));
                if (r > 0) {
                    version[r - 1] = v;
                    batch[r - 1] = c / v;
                    prompt[r - 1] = p / v;
                }
            }
            String base = ms(median(version)) + " java -version";
            return List.of(
                    BenchRow.atMost("-c < small.conf", ms(median(version) * median(batch)), base, median(batch), 4.0),
                    BenchRow.atMost("ready prompt", ms(median(version) * median(prompt)), base, median(prompt), 5.0));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** scripts/jsetkey beside the jar's project, or java -jar with the jar this runs from. */
    static List<String> program() throws Exception {
        Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path launcher = jar.getParent() == null || jar.getParent().getParent() == null ? null
                : jar.getParent().getParent().getParent().resolve("scripts/jsetkey");
        if (launcher != null && Files.isExecutable(launcher) && jar.toString().endsWith(".jar")) {
            return List.of(launcher.toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(Arrays.asList(b));
        return l;
    }

    /** Seconds from launch to exit (status 0 required), standard input from {@code in} or empty. */
    private static double timed(List<String> cmd, Path in, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(in == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                        : ProcessBuilder.Redirect.from(in.toFile()));
        pb.environment().put("JSETKEY_HISTORY", dir.resolve("history").toString());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": no exit within " + TIMEOUT_SECONDS + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": exit status " + p.exitValue());
        }
        return seconds;
    }

    /** Seconds from launch until the console prompt appears on a terminal made by script(1); then exits it. */
    private static double untilPrompt(List<String> program, Path dir) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder();
        for (String w : program) {
            line.append('\'').append(w.replace("'", "'\\''")).append("' ");
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", line.toString().trim(), "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JSETKEY_HISTORY", dir.resolve("history").toString());
        pb.environment().put("TERM", "dumb");
        long start = System.nanoTime();
        Process p = pb.start();
        try (InputStream out = p.getInputStream(); OutputStream in = p.getOutputStream()) {
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[4096];
            long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (seen.indexOf(PROMPT) < 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("no prompt within " + TIMEOUT_SECONDS + " s: " + seen);
                }
                int n = out.read(buf);
                if (n < 0) {
                    throw new IOException("console ended before its prompt: " + seen);
                }
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            in.write("exit\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return seconds;
        } finally {
            p.destroyForcibly();
        }
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1e3);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
