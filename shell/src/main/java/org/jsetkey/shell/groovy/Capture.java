package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import groovy.lang.Closure;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.tool.Inspector;
import org.jsetkey.shell.lab.LinkCapture;

/**
 * One {@code capture(count:, timeout:, during:, direction:)} call: taps the link, runs
 * {@code during}, and collects packets until {@code count} (10) arrived or {@code timeout}
 * seconds (5) passed, calling {@code each} for every packet on the script's thread. The hosts'
 * own announcement and peer-check packets (UDP port 60500) count only with {@code control: true}.
 * The capture itself is {@link LinkCapture}'s, as for {@code tcpdump}.
 */
final class Capture {
    private final Host host;
    private final int count;
    private final long timeoutMillis;
    private final String direction;
    private final Object during;
    private final boolean control;

    Capture(Host host, Map<String, ?> opts) {
        Options o = new Options("capture", opts, List.of("count", "timeout", "during", "direction", "control"));
        this.host = host;
        this.count = o.integer("count", 10);
        this.timeoutMillis = o.millis("timeout", 5000);
        this.direction = o.string("direction", null);
        if (direction != null && !direction.equals("in") && !direction.equals("out")) {
            throw new IllegalArgumentException("capture: direction: " + direction + " (expected: in, out)");
        }
        this.during = o.get("during");
        this.control = o.bool("control");
        if (during != null && !(during instanceof Closure<?>)) {
            throw new IllegalArgumentException("capture: during: expected a closure { ... }");
        }
    }

    List<Packet> run(Closure<?> each) throws InterruptedException {
        BlockingQueue<Packet> queue = new LinkedBlockingQueue<>();
        Inspector inspector = new Inspector(host);
        List<Packet> packets = new ArrayList<>();
        Predicate<LinkPacket> wanted = p -> (control || !p.control())
                && (direction == null || direction.equals(p.direction() == LinkDirection.IN ? "in" : "out"));
        try (LinkCapture capture = LinkCapture.start(host, wanted, count, (p, n) -> queue.add(Packet.of(p, inspector)))) {
            if (during instanceof Closure<?> c) {
                c.call();
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (packets.size() < count) {
                long left = deadline - System.nanoTime();
                Packet p = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
                if (p == null) {
                    break;
                }
                packets.add(p);
                if (each != null) {
                    each.call(p);
                }
            }
        }
        return packets;
    }
}
