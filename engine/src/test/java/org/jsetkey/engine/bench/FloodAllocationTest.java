package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The steady path allocates nothing of its own: a warm one-way ESP flood with the null cipher
 * (no cipher or MAC that allocates inside the JDK) makes no object per packet on the sending
 * thread, from {@code Host.send} to the socket, nor on the receiving thread, from the socket
 * through the open, the inbound policy and the delivery.
 */
class FloodAllocationTest {
    private static final String NULL_SAS = "add 192.0.2.10 198.51.100.20 esp 0x2001 -E null;\n"
            + "add 198.51.100.20 192.0.2.10 esp 0x2002 -E null;\n";
    private static final int WINDOW = 32;
    private static final int WINDOWS = 300;
    /** Rounds of {@value #WINDOWS} windows until both threads are compiled; each takes well under a second. */
    private static final int MAX_ROUNDS = 40;

    @Test
    void aWarmNullCipherFloodMakesNoObjectPerPacketOnEitherThread() throws Exception {
        try (LinkPair pair = new LinkPair(NULL_SAS)) {
            AtomicLong arrived = new AtomicLong();
            AtomicLong reader = new AtomicLong(-1);
            pair.receiver.onDelivered(d -> {
                reader.set(Thread.currentThread().getId());
                arrived.incrementAndGet();
            });
            byte[] packet = LinkPair.udpPacket(BenchSa.SRC, BenchSa.DST, 1400);
            long me = Thread.currentThread().getId();
            double sending = Double.NaN;
            double receiving = Double.NaN;
            // a thread still running interpreted or lightly compiled code allocates what the JIT
            // later removes: measure round after round (bounded) until it is warm
            for (int round = 0; round < MAX_ROUNDS; round++) {
                long sent = 0;
                long receiverBefore = reader.get() < 0 ? 0 : Allocation.ofThread(reader.get());
                for (int w = 0; w < WINDOWS; w++) {
                    long before = Allocation.ofThread(me);
                    int refused = 0;
                    for (int i = 0; i < WINDOW; i++) {
                        refused += pair.sender.send(packet) ? 0 : 1;
                    }
                    sent += Allocation.ofThread(me) - before;
                    assertEquals(0, refused, () -> "sends refused: " + pair.firstDrops());
                    awaitArrivals(arrived, (long) (round * WINDOWS + w + 1) * WINDOW, pair);
                }
                if (round == 0) {
                    continue; // the reader's id was learned during this round
                }
                sending = (double) sent / (WINDOWS * WINDOW);
                receiving = (double) (Allocation.ofThread(reader.get()) - receiverBefore) / (WINDOWS * WINDOW);
                if (sending < 1 && receiving < 1) {
                    break;
                }
            }
            assertTrue(sending < 1, "the sending thread allocates " + sending + " bytes per packet");
            assertTrue(receiving < 1, "the receiving thread allocates " + receiving + " bytes per packet");
            assertEquals(0, pair.losses(), pair.firstDrops());
        }
    }

    /** Waits (bounded) until {@code want} packets were delivered, without allocating on this thread. */
    private static void awaitArrivals(AtomicLong arrived, long want, LinkPair pair) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (arrived.get() < want) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("packets lost: " + (want - arrived.get()) + "; " + pair.firstDrops());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
