package org.jsetkey.shell.tun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the OS's own tools (ip, ping, nc) for the TUN tests, each bounded in time. */
final class Netns {
    private Netns() {
    }

    record Run(int exit, String out) {
    }

    /**
     * Runs {@code command}, stdin from {@code in} (or nothing), stdout to {@code out} when given;
     * returns the exit status and the rest of the output (stderr alone when {@code out} is given).
     * Kills it after {@code seconds}.
     */
    static Run run(int seconds, Path in, Path out, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(out == null);
        pb.redirectInput(in == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.from(in.toFile()));
        Path log = Files.createTempFile("tun-it-", ".out");
        try {
            pb.redirectOutput(out == null ? log.toFile() : out.toFile());
            if (out != null) {
                pb.redirectError(log.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Run(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(killed after " + seconds + " s)");
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs a command that must succeed. */
    static String must(String... command) throws IOException, InterruptedException {
        Run r = run(20, null, null, command);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.out());
        }
        return r.out();
    }

    /** The namespaces, interface names and routes of the machine, one line each. */
    static List<String> state() throws IOException, InterruptedException {
        List<String> l = new ArrayList<>();
        for (String line : must("ip", "netns", "list").split("\n")) {
            l.add("netns " + line);
        }
        for (String line : must("ip", "-o", "link", "show").split("\n")) {
            String[] f = line.split(": ", 3);
            l.add("link " + (f.length > 1 ? f[1] : line));
        }
        for (String line : must("ip", "route", "show", "table", "all").split("\n")) {
            l.add("route " + line);
        }
        return l;
    }

    static boolean usable() {
        try {
            return run(10, null, null, "id", "-u").out().strip().equals("0") && Files.exists(Path.of("/dev/net/tun"))
                    && run(10, null, null, "ip", "netns", "list").exit() == 0
                    && run(10, null, null, "ping", "-V").exit() == 0 && run(10, null, null, "nc", "-h").out().contains("-N");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
