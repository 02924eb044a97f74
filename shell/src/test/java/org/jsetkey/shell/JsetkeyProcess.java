package org.jsetkey.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The program in its own JVM on the test classpath, commands written to its standard input. */
final class JsetkeyProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final OutputStream stdin;
    private final List<Thread> pumps = new ArrayList<>();

    private JsetkeyProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        pumps.add(pump(process.getInputStream(), out));
        pumps.add(pump(process.getErrorStream(), err));
    }

    static JsetkeyProcess start(String... args) throws IOException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "org.jsetkey.shell.Main"));
        cmd.addAll(List.of(args));
        return new JsetkeyProcess(new ProcessBuilder(cmd).start());
    }

    private static Thread pump(InputStream in, StringBuffer into) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    void send(String commands) throws IOException {
        stdin.write(commands.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits (at most {@code seconds}) until standard output contains {@code text}. */
    boolean awaitOut(String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (out.indexOf(text) >= 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Closes standard input and waits for the exit status (-1 when it had to be killed). */
    int finish(int seconds) throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        for (Thread t : pumps) {
            t.join(5000);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** Waits (at most {@code seconds}) for the process to end, without closing its input. */
    boolean waitFor(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL, as a crash would end the program. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** After the process ended: everything it wrote to standard output, read to the end. */
    String drained(int seconds) throws InterruptedException {
        for (Thread t : pumps) {
            t.join(TimeUnit.SECONDS.toMillis(seconds));
        }
        return out.toString();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
