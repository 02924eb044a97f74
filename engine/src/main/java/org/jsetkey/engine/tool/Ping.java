package org.jsetkey.engine.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.stack.EchoService;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.stack.Protection;

/**
 * Sends ICMP echo requests from a host and collects the replies, like iputils ping: one
 * probe per interval (flood: as soon as the last probe is answered, at most the interval apart),
 * then waits for the last reply up to the wait time. Bounded in count and time. {@link #cancel()}
 * or interrupting the thread that runs it (Ctrl-C) stops it early, and it returns what it has.
 *
 * <p>In flood mode the thread that receives a reply sends the next probe itself, as iputils'
 * single loop does: no other thread has to wake between a reply and the next probe. The thread
 * that runs the ping sends the first probe, and the next one whenever a reply is late.
 */
public final class Ping {
    private final Host host;
    private final PingOptions options;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile IntConsumer sentListener = seq -> { };

    public Ping(Host host, PingOptions options) {
        this.host = host;
        this.options = options;
    }

    /** One reply as it arrives; {@code rttMicros} is -1 without timing. */
    public record Reply(int seq, int bytes, IpAddress from, int ttl, long rttMicros, boolean duplicate,
                        List<Protection> protections) {
    }

    /**
     * Called with each probe's sequence number as it goes out, before its reply can be handed over
     * ({@code ping -f} prints a dot), on the thread that sends it: in flood mode mostly the one that
     * received the reply before.
     */
    public Ping onSent(IntConsumer listener) {
        this.sentListener = listener;
        return this;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Pings, handing each reply to {@code onReply} before counting it, so every reply the result
     * counts has been handed over when this returns, and none is handed over after it (nor is a
     * probe sent after it). Interrupted, it stops sending and waiting, returns the result so far
     * and leaves the thread's interrupt status set.
     *
     * @throws IllegalStateException when the host has no address to send from
     */
    public PingResult run(Consumer<Reply> onReply) {
        IpAddress src = options.source() != null ? options.source() : host.sourceFor(options.destination());
        if (src == null) {
            throw new IllegalStateException("no " + (options.destination().isV6() ? "IPv6" : "IPv4")
                    + " address on this host to ping " + options.destination() + " from (use --addr)");
        }
        return new Run(src, onReply).execute();
    }

    /** One run's state, shared by the thread that runs it and the threads that receive its replies. */
    private final class Run {
        private final IpAddress src;
        private final Consumer<Reply> onReply;
        private final int id = ThreadLocalRandom.current().nextInt(1, 0x10000);
        private final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        /** The probes answered; added to under the lock, with the reply handed over in the same hold. */
        private final Set<Integer> answered = ConcurrentHashMap.newKeySet();
        private final long start = System.nanoTime();
        private final AtomicInteger transmitted = new AtomicInteger();
        private final AtomicInteger droppedHere = new AtomicInteger();
        /** The last probe sent or being sent: a probe goes once, from the thread that claims it. */
        private final AtomicInteger claimed = new AtomicInteger();
        /** TRUE on a thread while it sends a probe: the output path drops synchronously, on that thread. */
        private final ThreadLocal<Boolean> sending = new ThreadLocal<>();
        private final AtomicReference<KeyEvent.Drop> dropHere = new AtomicReference<>();
        private final Object lock = new Object();
        // under lock
        private final List<Long> rtts = new ArrayList<>();
        private int received;
        private int duplicates;
        private boolean finished;
        private long last = start;

        Run(IpAddress src, Consumer<Reply> onReply) {
            this.src = src;
            this.onReply = onReply;
        }

        PingResult execute() {
            boolean interrupted = false;
            try (AutoCloseable drops = host.events().subscribe(e -> {
                if (e instanceof KeyEvent.Drop d && sending.get() == Boolean.TRUE) {
                    dropHere.set(d);
                }
            }); AutoCloseable sub = host.echo().await(id, this::reply)) {
                if (options.flood()) {
                    flood();
                } else {
                    paced();
                }
                // read under the lock: a probe a reply claimed is counted in the same hold of it
                sleepUnlessCancelled(options.waitMillis(), () -> received >= transmitted.get());
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            synchronized (lock) {
                finished = true;
                // iputils: from the first probe to the last packet seen; 0 for a single probe
                int n = transmitted.get();
                long elapsed = n <= 1 ? 0 : TimeUnit.NANOSECONDS.toMillis(last - start);
                return new PingResult(n, received, duplicates, rtts, elapsed, droppedHere.get(), dropHere.get());
            }
        }

        private void paced() throws InterruptedException {
            for (int seq = 1; seq <= options.count() && !cancelled.get(); seq++) {
                claimed.set(seq);
                send(seq);
                if (seq < options.count()) {
                    sleepUnlessCancelled(options.intervalMillis(), () -> false);
                }
            }
        }

        /**
         * Sends the first probe; a reply sends the next one from the thread that received it. This
         * thread sends the next one itself when the interval passes without, or when the reply came
         * back inside its own send (a ping to this host itself) and could not send from there.
         */
        private void flood() throws InterruptedException {
            claimed.set(1);
            send(1);
            while (!cancelled.get()) {
                int s = claimed.get();
                if (s >= options.count()) {
                    return;
                }
                sleepUnlessCancelled(options.intervalMillis(), () -> claimed.get() != s || answered.contains(s));
                if (!cancelled.get() && claimed.compareAndSet(s, s + 1)) {
                    send(s + 1);
                }
            }
        }

        private void send(int seq) {
            long now = System.nanoTime();
            sentAt.put(seq, now);
            synchronized (lock) {
                last = Math.max(last, now);
            }
            byte[] packet = new IcmpEcho(src.isV6(), false, id, seq, payload(options.size()))
                    .toPacket(src, options.destination(), host.nextIpId(), 64);
            transmitted.incrementAndGet();
            // before the send: its reply may come back (and be handed over) before the send returns
            sentListener.accept(seq);
            boolean left;
            sending.set(Boolean.TRUE);
            try {
                left = options.socketPolicy() != null ? host.send(packet, options.socketPolicy()) : host.send(packet);
            } finally {
                sending.set(Boolean.FALSE);
            }
            if (!left) {
                droppedHere.incrementAndGet();
            }
        }

        private void reply(EchoService.EchoReceived r) {
            int seq = r.echo().seq();
            Long t0 = sentAt.get(seq);
            if (t0 == null || !r.from().equals(options.destination())) {
                return;
            }
            long rtt = options.timing() ? Math.max(0, (r.arrivalNanos() - t0) / 1000) : -1;
            // handed over and counted under the lock the result is read under, so a reply is
            // either both printed and counted or, arriving after the result was taken, neither;
            // the next probe goes under it too, so none goes after the result was taken
            synchronized (lock) {
                if (finished) {
                    return;
                }
                boolean dup = !answered.add(seq);
                onReply.accept(new Reply(seq, IcmpEcho.HEADER + r.echo().data().length, r.from(), r.ttl(), rtt,
                        dup, r.delivered().protections()));
                last = Math.max(last, r.arrivalNanos());
                if (dup) {
                    duplicates++;
                } else {
                    received++;
                    if (rtt >= 0) {
                        rtts.add(rtt);
                    }
                }
                if (!dup && options.flood() && sending.get() != Boolean.TRUE && !cancelled.get()
                        && seq < options.count() && claimed.compareAndSet(seq, seq + 1)) {
                    // the thread that runs the ping has nothing to do now: waking it would only
                    // take a core from the hosts while the probe crosses
                    send(seq + 1);
                } else {
                    lock.notifyAll();
                }
            }
        }

        private void sleepUnlessCancelled(long millis, BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            synchronized (lock) {
                while (!cancelled.get() && !done.getAsBoolean()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return;
                    }
                    lock.wait(Math.min(left, 100));
                }
            }
        }
    }

    /** iputils' payload: room for a timestamp, then the byte values 16, 17, 18, ... */
    private static byte[] payload(int size) {
        byte[] d = new byte[size];
        for (int i = 16; i < size; i++) {
            d[i] = (byte) i;
        }
        return d;
    }
}
