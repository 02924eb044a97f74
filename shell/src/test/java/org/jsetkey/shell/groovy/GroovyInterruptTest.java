package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jsetkey.engine.stack.Host;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ctrl-C (an interrupt of the thread that evaluates) stops any Groovy code, and the next evaluation works. */
class GroovyInterruptTest {
    private final ConsoleScripts console = new ConsoleScripts();
    private final Host host = console.host;
    private final ScriptHost scripts = console.scripts;

    @AfterEach
    void close() {
        console.close();
    }

    /** Evaluates on a thread, interrupts it 100 ms after the code started running, returns the failure message and how long the stop took. */
    private String interrupted(String code, long[] stopMillis) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch running = (CountDownLatch) scripts.evaluate("running = new java.util.concurrent.CountDownLatch(1)");
        Thread t = new Thread(() -> {
            try {
                scripts.evaluate("running.countDown(); " + code);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        assertTrue(running.await(30, TimeUnit.SECONDS), "the code never started");
        Thread.sleep(100);
        assertTrue(t.isAlive(), "the code should still be running: " + failure.get());
        long start = System.nanoTime();
        t.interrupt();
        t.join(5000);
        stopMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(!t.isAlive(), "the evaluation did not end after the interrupt");
        assertTrue(failure.get() instanceof ScriptFailedException, String.valueOf(failure.get()));
        return failure.get().getMessage();
    }

    /** Interrupts {@code code} while it runs; it must fail with {@code message} within {@code maxMillis}. */
    private void assertStops(String code, String message, long maxMillis) throws Exception {
        long[] ms = new long[1];
        assertEquals(message, interrupted(code, ms));
        assertTrue(ms[0] < maxMillis, "took " + ms[0] + " ms");
    }

    @Test
    void busyLoopEndsAtItsNextIteration() throws Exception {
        assertStops("long n = 0; while (n >= 0) { n++ }", "groovy: interrupted", 1000);
        assertEquals(3, scripts.evaluate("1 + 2"));
    }

    @Test
    void emptyWhileTrueEnds() throws Exception {
        assertStops("while (true) { }", "groovy: interrupted", 1000);
        assertEquals(3, scripts.evaluate("1 + 2"));
    }

    @Test
    void closuresAndMethodsCheckToo() throws Exception {
        assertStops("def spin(int n) { n + 1 }; int i = 0; (1..Integer.MAX_VALUE).each { i = spin(i) }",
                "groovy: interrupted", 1000);
    }

    @Test
    void codeThatSwallowsTheInterruptIsStopped() throws Exception {
        assertStops("while (true) { try { Thread.sleep(60000) } catch (e) { } }",
                "groovy: interrupted (the script ignored the interrupt and was stopped)", 2000);
        assertEquals("ok", scripts.evaluate("'ok'"));
        scripts.evaluate("setkey('add 192.0.2.1 192.0.2.2 esp 0x300 -E null;')");
        assertEquals(1, host.sad().size());
    }
}
