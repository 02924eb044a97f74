package org.jsetkey.engine.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a one-way flood's two threads allocate per packet: the sending thread over its sends only
 * (waiting for each window is the measurement's, not the datapath's), the receiving thread over
 * everything it does between the first and the last window. The wait spins on a counter, so the
 * sending thread's figure holds nothing of the measurement's own.
 */
final class FloodAllocation {
    /** Bytes per packet on each thread. */
    record PerPacket(double sending, double receiving) {
    }

    private static final int WINDOW = LinkBench.WINDOW;

    private FloodAllocation() {
    }

    /** Floods {@code windows} windows of {@code packet} from the pair's sender (one window first, to learn the reader). */
    static PerPacket measure(LinkPair pair, byte[] packet, int windows) throws Exception {
        AtomicLong arrived = new AtomicLong();
        AtomicLong reader = new AtomicLong(-1);
        try (AutoCloseable sub = pair.receiver.onDelivered(d -> {
            reader.set(Thread.currentThread().getId());
            arrived.incrementAndGet();
        })) {
            long me = Thread.currentThread().getId();
            window(pair, packet, me, arrived, WINDOW);
            long sent = 0;
            long receiverBefore = Allocation.ofThread(reader.get());
            for (int w = 0; w < windows; w++) {
                sent += window(pair, packet, me, arrived, (long) (w + 2) * WINDOW);
            }
            double packets = (double) windows * WINDOW;
            return new PerPacket(sent / packets, (Allocation.ofThread(reader.get()) - receiverBefore) / packets);
        }
    }

    /** Sends one window, waits (bounded) until {@code want} packets arrived; returns what the sends allocated. */
    private static long window(LinkPair pair, byte[] packet, long me, AtomicLong arrived, long want) {
        long before = Allocation.ofThread(me);
        int refused = 0;
        for (int i = 0; i < WINDOW; i++) {
            refused += pair.sender.send(packet) ? 0 : 1;
        }
        long made = Allocation.ofThread(me) - before;
        if (refused > 0) {
            throw new IllegalStateException(refused + " sends refused: " + pair.firstDrops());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (arrived.get() < want) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException((want - arrived.get()) + " packets lost: " + pair.firstDrops());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return made;
    }
}
