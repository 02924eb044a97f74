package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SIGINT with commands on standard input does what Ctrl-C does in the console. */
class SigintIT {
    /**
     * A process started with SIGINT ignored (a background job of a non-interactive shell) passes
     * that on to its children, and a JVM cannot catch an ignored SIGINT: nothing to test then.
     */
    @BeforeAll
    static void sigintReachesChildren() throws Exception {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.exists(status), "needs /proc to see the signal disposition");
        String mask = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> l.substring(7).strip()).orElse("0");
        boolean ignored = (new BigInteger(mask, 16).longValue() & (1L << 1)) != 0;
        Assumptions.assumeFalse(ignored, "this test JVM was started with SIGINT ignored; its children inherit that");
    }
    private static void sigint(JsetkeyProcess p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT failed");
    }

    /** Sends {@code input}, waits until {@code ready} is printed, then lets the command run {@code millis} more. */
    private static void startCommand(JsetkeyProcess p, String input, String ready, long millis) throws Exception {
        p.send(input);
        assertTrue(p.awaitOut(ready, 60), p.err());
        Thread.sleep(millis);
    }

    @Test
    void sigintStopsTheRunningCommandAndTheNextOneRuns() throws Exception {
        try (JsetkeyProcess p = JsetkeyProcess.start("--name", "phoenix")) {
            startCommand(p, "echo ready\nsleep 30\n", "ready", 500);
            long start = System.nanoTime();
            sigint(p);
            p.send("add 192.0.2.1 192.0.2.2 esp 0x300 -E null;\ndump\n");
            assertTrue(p.awaitOut("esp mode=any spi=768(0x00000300)", 10), p.out() + p.err());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 5000, "took " + millis + " ms");
            assertEquals(1, p.finish(30), "the interrupted sleep failed, so the batch fails");
            assertTrue(p.err().contains("sleep: interrupted"), p.err());
        }
    }

    @Test
    void sigintStopsAGroovyLoop() throws Exception {
        try (JsetkeyProcess p = JsetkeyProcess.start()) {
            startCommand(p, "groovy println 'spinning'; while (true) { }\n", "spinning", 300);
            sigint(p);
            p.send("echo after\n");
            assertTrue(p.awaitOut("after", 10), p.out() + p.err());
            assertEquals(1, p.finish(30));
            assertTrue(p.err().contains("groovy: interrupted"), p.err());
        }
    }

    @Test
    void sigintWithNoCommandRunningEndsTheProgramWith130() throws Exception {
        try (JsetkeyProcess p = JsetkeyProcess.start()) {
            startCommand(p, "echo ready\n", "ready", 300);
            sigint(p);
            assertTrue(p.waitFor(10), "SIGINT at an idle batch did not end it");
            assertEquals(130, p.exitValue());
        }
    }
}
