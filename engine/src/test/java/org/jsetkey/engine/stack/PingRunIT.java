package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Ping} over a real loopback link: what it hands over, what it counts, and Ctrl-C. */
class PingRunIT {
    private final LabPair lab;

    PingRunIT() throws Exception {
        lab = new LabPair();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void everyCountedReplyHasBeenHandedOverWhenRunReturns() {
        for (int round = 0; round < 5; round++) {
            List<Ping.Reply> handed = new CopyOnWriteArrayList<>();
            PingResult r = new Ping(lab.phoenix, new PingOptions(LabPair.CARDINAL, null, 5, 0, 56, 5000, null))
                    .run(handed::add);
            assertEquals(5, r.received());
            assertEquals(r.received() + r.duplicates(), handed.size(), "round " + round);
        }
    }

    @Test
    void interruptedItReturnsWhatItHasWithTheInterruptStillSet() throws Exception {
        AtomicReference<PingResult> result = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        List<Ping.Reply> handed = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            result.set(new Ping(lab.phoenix, new PingOptions(LabPair.CARDINAL, null, 100_000, 200, 56, 10_000, null))
                    .run(handed::add));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (handed.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        t.interrupt();
        t.join(10_000);
        assertTrue(!t.isAlive(), "ping ended after the interrupt");
        PingResult r = result.get();
        assertTrue(r.transmitted() >= 2 && r.transmitted() < 100, "transmitted " + r.transmitted());
        assertTrue(r.received() >= 2, "received " + r.received());
        assertEquals(r.received() + r.duplicates(), handed.size());
        assertTrue(stillInterrupted.get(), "the caller still sees the interrupt");
    }
}
