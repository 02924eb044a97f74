package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.CommandOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ctrl-C (an interrupt of the thread that evaluates) stops any Groovy code, and the next evaluation works. */
class GroovyInterruptTest {
    private final Host host = new Host("console");
    private final ScriptHost scripts = new ScriptHost(host, new Setkey(host.sad(), host.spd(), 1), new CommandOutput() {
        @Override
        public void out(String text) {
        }

        @Override
        public void err(String text) {
        }
    });

    @AfterEach
    void close() {
        scripts.close();
        host.close();
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

    @Test
    void busyLoopEndsAtItsNextIteration() throws Exception {
        long[] ms = new long[1];
        assertEquals("groovy: interrupted", interrupted("long n = 0; while (n >= 0) { n++ }", ms));
        assertTrue(ms[0] < 1000, "took " + ms[0] + " ms");
        assertEquals(3, scripts.evaluate("1 + 2"));
    }

    @Test
    void emptyWhileTrueEnds() throws Exception {
        long[] ms = new long[1];
        assertEquals("groovy: interrupted", interrupted("while (true) { }", ms));
        assertTrue(ms[0] < 1000, "took " + ms[0] + " ms");
        assertEquals(3, scripts.evaluate("1 + 2"));
    }

    @Test
    void closuresAndMethodsCheckToo() throws Exception {
        long[] ms = new long[1];
        assertEquals("groovy: interrupted",
                interrupted("def spin(int n) { n + 1 }; int i = 0; (1..Integer.MAX_VALUE).each { i = spin(i) }", ms));
        assertTrue(ms[0] < 1000, "took " + ms[0] + " ms");
    }

    @Test
    void codeThatSwallowsTheInterruptIsStopped() throws Exception {
        long[] ms = new long[1];
        String m = interrupted("while (true) { try { Thread.sleep(60000) } catch (e) { } }", ms);
        assertEquals("groovy: interrupted (the script ignored the interrupt and was stopped)", m);
        assertTrue(ms[0] < 2000, "took " + ms[0] + " ms");
        assertEquals("ok", scripts.evaluate("'ok'"));
        scripts.evaluate("setkey('add 192.0.2.1 192.0.2.2 esp 0x300 -E null;')");
        assertEquals(1, host.sad().size());
    }
}
