package org.jsetkey.engine.link;

import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One peer's impairment in action, netem's enqueue step by step: duplicate? lost? (a lost
 * original of a duplicated packet still goes once), corrupt one bit, the limit, then reorder
 * (at once) or delay with jitter and rate (to the delay queue). All choices come from one
 * seeded generator in the order the datagrams arrive, so a seed repeats a run's choices exactly.
 * A duplicate goes through the same steps again, without being duplicated itself.
 */
final class Impairer {
    private final Impairment settings;
    private final Random random;
    private final LongSupplier nanoClock;
    private final java.util.function.Supplier<ScheduledExecutorService> delayQueue;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();
    private final AtomicLong overLimit = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private long lastDeparture;

    /**
     * @param settings   with its seed set
     * @param delayQueue the link's scheduler thread, created when the first datagram must wait
     */
    Impairer(Impairment settings, LongSupplier nanoClock,
             java.util.function.Supplier<ScheduledExecutorService> delayQueue) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.nanoClock = nanoClock;
        this.delayQueue = delayQueue;
    }

    Impairment settings() {
        return settings;
    }

    ImpairStats stats() {
        return new ImpairStats(counted.get(), lost.get(), duplicated.get(), corrupted.get(), delayed.get(),
                reordered.get(), overLimit.get(), sent.get());
    }

    /** Applies the impairment to one datagram; {@code wire} puts a datagram on the wire (any thread). */
    void submit(byte[] datagram, Consumer<byte[]> wire) {
        counted.incrementAndGet();
        enqueue(datagram, true, wire);
    }

    private void enqueue(byte[] datagram, boolean mayDuplicate, Consumer<byte[]> wire) {
        byte[] packet = datagram;
        byte[] copy = null;
        long due;
        boolean wait;
        synchronized (this) {
            int count = 1;
            if (mayDuplicate && chance(settings.duplicate())) {
                count++;
            }
            if (chance(settings.loss())) {
                count--;
            }
            if (count == 0) {
                lost.incrementAndGet();
                return;
            }
            if (count > 1) {
                copy = datagram.clone();
            }
            if (chance(settings.corrupt())) {
                packet = datagram.clone();
                int bit = random.nextInt(packet.length * 8);
                packet[bit / 8] ^= (byte) (1 << (bit % 8));
                corrupted.incrementAndGet();
            }
            if (waiting.get() >= settings.limit()) {
                overLimit.incrementAndGet();
                packet = null;
                due = 0;
                wait = false;
            } else {
                long now = nanoClock.getAsLong();
                due = departure(packet.length, now);
                wait = due > now; // decided here, so the counts do not depend on how fast this thread runs
                if (wait) {
                    waiting.incrementAndGet(); // under the lock: concurrent senders cannot pass the limit together
                }
            }
        }
        if (packet != null) {
            send(packet, due, wait, wire);
        }
        if (copy != null) {
            duplicated.incrementAndGet();
            enqueue(copy, false, wire);
        }
    }

    /** netem's time to send: now (reordered, or nothing to wait for) or now + delay ± jitter, behind the rate's queue. */
    private long departure(int length, long now) {
        if (chance(settings.reorder())) {
            // netem with gap 1: a packet that wins the draw goes ahead at once, the others wait the delay
            reordered.incrementAndGet();
            return now;
        }
        long delay = settings.delayMicros() * 1000;
        long jitter = settings.jitterMicros() * 1000;
        if (jitter > 0) {
            delay += (long) ((random.nextDouble() * 2 - 1) * jitter); // uniform, as netem without a table
        }
        long base = now;
        if (settings.rateBitsPerSecond() > 0) {
            if (lastDeparture > now) {
                delay = Math.max(0, delay - (lastDeparture - now));
                base = lastDeparture;
            }
            delay += length * 8L * 1_000_000_000L / settings.rateBitsPerSecond();
            lastDeparture = base + delay;
        }
        return base + delay;
    }

    private void send(byte[] packet, long due, boolean wait, Consumer<byte[]> wire) {
        if (!wait) {
            put(packet, wire);
            return;
        }
        delayed.incrementAndGet();
        byte[] held = packet.clone(); // the sender may reuse its buffer once send returns
        try {
            delayQueue.get().schedule(() -> {
                waiting.decrementAndGet();
                put(held, wire);
            }, Math.max(0, due - nanoClock.getAsLong()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            waiting.decrementAndGet(); // the link is closing: the datagram dies with it
        }
    }

    private void put(byte[] packet, Consumer<byte[]> wire) {
        sent.incrementAndGet();
        wire.accept(packet);
    }

    /** True with probability {@code percent}/100; draws nothing for 0, so unused faults cost no draws. */
    private boolean chance(double percent) {
        return percent > 0 && random.nextDouble() * 100 < percent;
    }
}
