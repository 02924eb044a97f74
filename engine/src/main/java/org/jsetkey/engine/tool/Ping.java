package org.jsetkey.engine.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.stack.Protection;

/**
 * Sends ICMP echo requests from a host and collects the replies, like iputils ping: one
 * probe per interval (flood: as soon as the last probe is answered, at most the interval apart),
 * then waits for the last reply up to the wait time. Bounded in count and time. {@link #cancel()}
 * or interrupting the thread that runs it (Ctrl-C) stops it early, and it returns what it has.
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

    /** Called with each probe's sequence number right after it was sent ({@code ping -f} prints a dot). */
    public Ping onSent(IntConsumer listener) {
        this.sentListener = listener;
        return this;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Pings, handing each reply to {@code onReply} before counting it, so every reply the result
     * counts has been handed over when this returns, and none is handed over after it. Interrupted, it stops sending and waiting,
     * returns the result so far and leaves the thread's interrupt status set.
     *
     * @throws IllegalStateException when the host has no address to send from
     */
    public PingResult run(Consumer<Reply> onReply) {
        IpAddress src = options.source() != null ? options.source() : host.sourceFor(options.destination());
        if (src == null) {
            throw new IllegalStateException("no " + (options.destination().isV6() ? "IPv6" : "IPv4")
                    + " address on this host to ping " + options.destination() + " from (use --addr)");
        }
        int id = ThreadLocalRandom.current().nextInt(1, 0x10000);
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        Map<Integer, Boolean> answered = new ConcurrentHashMap<>();
        Set<Integer> handled = ConcurrentHashMap.newKeySet();
        List<Long> rtts = new ArrayList<>();
        int[] counts = new int[2];
        Object lock = new Object();
        boolean[] finished = {false};
        long start = System.nanoTime();
        long[] last = {start};
        int transmitted = 0;
        int droppedHere = 0;
        boolean interrupted = false;
        Thread sender = Thread.currentThread();
        AtomicReference<KeyEvent.Drop> dropHere = new AtomicReference<>();
        try (AutoCloseable drops = host.events().subscribe(e -> {
            // the output path drops synchronously, on the thread that sends
            if (e instanceof KeyEvent.Drop d && Thread.currentThread() == sender) {
                dropHere.set(d);
            }
        }); AutoCloseable sub = host.echo().await(id, r -> {
            int seq = r.echo().seq();
            Long t0 = sentAt.get(seq);
            if (t0 == null || !r.from().equals(options.destination())) {
                return;
            }
            long rtt = options.timing() ? Math.max(0, (r.arrivalNanos() - t0) / 1000) : -1;
            // handed over and counted under the lock the result is read under, so a reply is
            // either both printed and counted or, arriving after the result was taken, neither
            synchronized (lock) {
                if (finished[0]) {
                    return;
                }
                boolean dup = answered.putIfAbsent(seq, Boolean.TRUE) != null;
                onReply.accept(new Reply(seq, IcmpEcho.HEADER + r.echo().data().length, r.from(), r.ttl(), rtt,
                        dup, r.delivered().protections()));
                last[0] = Math.max(last[0], r.arrivalNanos());
                if (dup) {
                    counts[1]++;
                } else {
                    counts[0]++;
                    if (rtt >= 0) {
                        rtts.add(rtt);
                    }
                    // flood sends the next probe only now, so its '.' follows this reply's backspace
                    handled.add(seq);
                }
                lock.notifyAll();
            }
        })) {
            for (int seq = 1; seq <= options.count() && !cancelled.get(); seq++) {
                long now = System.nanoTime();
                sentAt.put(seq, now);
                synchronized (lock) {
                    last[0] = Math.max(last[0], now);
                }
                byte[] packet = new IcmpEcho(src.isV6(), false, id, seq, payload(options.size()))
                        .toPacket(src, options.destination(), host.nextIpId(), 64);
                transmitted++;
                boolean left = options.socketPolicy() != null ? host.send(packet, options.socketPolicy())
                        : host.send(packet);
                if (!left) {
                    droppedHere++;
                }
                sentListener.accept(seq);
                if (seq < options.count()) {
                    int probe = seq;
                    sleepUnlessCancelled(options.intervalMillis(), lock,
                            () -> options.flood() && handled.contains(probe));
                }
            }
            int sent = transmitted;
            sleepUnlessCancelled(options.waitMillis(), lock, () -> counts[0] >= sent);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            finished[0] = true;
            // iputils: from the first probe to the last packet seen; 0 for a single probe
            long elapsed = transmitted <= 1 ? 0 : TimeUnit.NANOSECONDS.toMillis(last[0] - start);
            return new PingResult(transmitted, counts[0], counts[1], rtts, elapsed, droppedHere, dropHere.get());
        }
    }

    private void sleepUnlessCancelled(long millis, Object lock, BooleanSupplier done) throws InterruptedException {
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

    /** iputils' payload: room for a timestamp, then the byte values 16, 17, 18, ... */
    private static byte[] payload(int size) {
        byte[] d = new byte[size];
        for (int i = 16; i < size; i++) {
            d[i] = (byte) i;
        }
        return d;
    }
}
