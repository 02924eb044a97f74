package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server for tests that drive the real program on a real terminal: keys go in
 * with send-keys, the screen comes back with capture-pane. Every wait is bounded.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "jsetkey-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final List<Path> pidFiles = new ArrayList<>();

    /** Fails the test with an install hint when tmux is missing. */
    public static Tmux require() throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v tmux").start();
        if (!which.waitFor(10, TimeUnit.SECONDS) || which.exitValue() != 0) {
            fail("tmux is required for this test and was not found (apt-get install tmux)");
        }
        return new Tmux();
    }

    /**
     * A shell command line that runs jsetkey from the test class path with these arguments; its
     * pid is recorded so {@link #close()} can wait for the program to be gone.
     */
    public String jsetkey(Path workDir, String javaOptions, String arguments) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path pidFile = workDir.resolve("jsetkey-" + pidFiles.size() + ".pid");
        pidFiles.add(pidFile);
        return "cd '" + workDir + "' && echo $$ > '" + pidFile + "' && JSETKEY_HISTORY='" + workDir.resolve("history")
                + "' exec '" + java + "' " + javaOptions + " -cp '" + System.getProperty("java.class.path")
                + "' org.jsetkey.shell.Main " + arguments;
    }

    /** Runs tmux; returns its output, or null when a query command answered "no". */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tmux " + String.join(" ", args) + " did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0 && !args[0].equals("has-session") && !args[0].equals("kill-server")) {
            fail("tmux " + args[0] + " failed: " + out);
        }
        return p.exitValue() == 0 ? out : null;
    }

    public String screen(String target) throws Exception {
        return run("capture-pane", "-p", "-t", target, "-S", "-100");
    }

    public String await(String target, Predicate<String> test, String what, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = "";
        while (System.nanoTime() < end) {
            s = screen(target);
            if (test.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed " + what + ":\n" + s);
    }

    public String awaitText(String target, String fragment) throws Exception {
        return await(target, s -> s.contains(fragment), "\"" + fragment + "\"", 15);
    }

    /** Types text literally. */
    public void keys(String target, String literal) throws Exception {
        // tmux reads an argument ending in ";" as a command separator unless escaped
        String arg = literal.endsWith(";") ? literal.substring(0, literal.length() - 1) + "\\;" : literal;
        run("send-keys", "-t", target, "-l", arg);
    }

    /** Presses a named key: Enter, Tab, C-c. */
    public void press(String target, String key) throws Exception {
        run("send-keys", "-t", target, key);
    }

    /** Ends the private server and every program in it, and waits until those programs have exited. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-server");
        for (Path pidFile : pidFiles) {
            if (!Files.exists(pidFile)) {
                continue;
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        }
    }
}
