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

    @Test
    void aFloodSendsEachNextProbeFromTheThreadThatReceivedTheReply() {
        List<String> senders = new CopyOnWriteArrayList<>();
        List<Ping.Reply> handed = new CopyOnWriteArrayList<>();
        PingResult r = new Ping(lab.phoenix, new PingOptions(LabPair.CARDINAL, null, 200, 1000, 56, 5000, null, true))
                .onSent(seq -> senders.add(Thread.currentThread().getName()))
                .run(handed::add);
        assertEquals(200, r.transmitted());
        assertEquals(200, r.received());
        assertEquals(200, handed.size());
        assertEquals(Thread.currentThread().getName(), senders.get(0), "the caller sends the first probe");
        // with a second between probes allowed, no reply is late: the link's reader sends every next one
        assertTrue(senders.subList(1, 200).stream().allMatch(n -> n.startsWith("udp-link-")), senders.toString());
    }

    @Test
    void aFloodToThisHostItselfIsAnsweredInsideEachSendAndStillCompletes() {
        // the reply comes back inside the probe's own send, on the same thread: the next probe
        // then goes from the loop, not from inside that send (which would nest 500 deep)
        List<String> events = new CopyOnWriteArrayList<>();
        PingResult r = new Ping(lab.phoenix, new PingOptions(LabPair.PHOENIX, null, 500, 1000, 56, 5000, null, true))
                .onSent(seq -> events.add("sent " + seq))
                .run(reply -> events.add("reply " + reply.seq()));
        assertEquals(500, r.transmitted());
        assertEquals(500, r.received());
        assertEquals(0, r.duplicates());
        // ping -f's dot for a probe comes before its reply's backspace, though the reply came back inside the send
        for (int seq = 1; seq <= 500; seq++) {
            assertEquals("sent " + seq, events.get(2 * seq - 2));
            assertEquals("reply " + seq, events.get(2 * seq - 1));
        }
    }
}
