package org.jsetkey.shell.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.tun.TunInterface;

/**
 * Capturing packets on a host's link, for {@code tcpdump} and Groovy's {@code capture} alike:
 * taps the link (and the host's real interfaces, if any), keeps the packets wanted, ends after {@code limit} of them (0: until stopped)
 * or at {@link #stop()}, and ties each drop the stack makes while the link thread processes a
 * received packet to that packet. The listener is called on the link thread, one packet at a time.
 */
public final class LinkCapture implements AutoCloseable {
    /** What a capture shows as it goes. */
    public interface Listener {
        /** A wanted packet; the first, second, ... as {@code n}. */
        void packet(LinkPacket p, int n);

        /** A wanted packet that crossed {@code side}, a real interface's name, or the link when null. */
        default void packet(String side, LinkPacket p, int n) {
            packet(p, n);
        }

        /** A drop of the received packet last handed to {@link #packet}. */
        default void dropped(KeyEvent.Drop drop) {
        }

        /** Once, when the capture ends (limit reached or stopped), with how many packets it kept. */
        default void ended(int captured) {
        }
    }

    private final Predicate<LinkPacket> wanted;
    private final int limit;
    private final Listener listener;
    private AutoCloseable tap;
    private final List<AutoCloseable> interfaceTaps = new ArrayList<>();
    private AutoCloseable events;
    private volatile Thread inputThread;
    private int captured;
    private boolean stopped;

    private LinkCapture(Predicate<LinkPacket> wanted, int limit, Listener listener) {
        this.wanted = wanted;
        this.limit = limit;
        this.listener = listener;
    }

    /** Starts capturing on the host's link (which must exist). */
    public static LinkCapture start(Host host, Predicate<LinkPacket> wanted, int limit, Listener listener) {
        LinkCapture c = new LinkCapture(wanted, limit, listener);
        synchronized (c) {
            c.events = host.events().subscribe(c::onEvent);
            c.tap = host.link().tap(p -> c.onPacket(null, p));
            for (TunInterface t : host.interfaces()) {
                c.interfaceTaps.add(t.tap(p -> c.onPacket(t.config().name(), p)));
            }
        }
        return c;
    }

    private void onPacket(String side, LinkPacket p) {
        boolean last;
        synchronized (this) {
            if (stopped || !wanted.test(p)) {
                return;
            }
            if (p.direction() == LinkDirection.IN) {
                inputThread = Thread.currentThread(); // the link thread: its next drops concern this packet
            }
            captured++;
            listener.packet(side, p, captured);
            last = limit > 0 && captured >= limit;
        }
        if (last) {
            stop();
        }
    }

    private void onEvent(KeyEvent e) {
        if (e instanceof KeyEvent.Drop d && Thread.currentThread() == inputThread) {
            synchronized (this) {
                if (!stopped) {
                    listener.dropped(d);
                }
            }
        }
    }

    /** Detaches and tells the listener; does nothing the second time. */
    public void stop() {
        int n;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            closeQuietly(tap);
            interfaceTaps.forEach(LinkCapture::closeQuietly);
            closeQuietly(events);
            n = captured;
        }
        listener.ended(n);
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    public synchronized int captured() {
        return captured;
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // unsubscribing from an in-memory list does not fail
        }
    }
}
