package org.jsetkey.engine.tun;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jsetkey.engine.link.ControlPackets;
import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.LinkPacket;

/**
 * A host's port onto a real OS interface: packets the OS routes into the TUN device enter the
 * host's input path as if from a peer on the link, and packets the host sends to the network
 * behind it are written to the device. A read that is not one whole valid IP packet is dropped
 * and counted; a failing receiver is counted; neither stops the reader thread.
 */
public final class TunInterface implements AutoCloseable {
    /** Larger than any MTU a TUN device can be given. */
    private static final int MAX_PACKET = 65_535;

    private final TunConfig config;
    private final TunDevice device;
    private final CopyOnWriteArrayList<Consumer<LinkPacket>> taps = new CopyOnWriteArrayList<>();
    private final AtomicLong packetsIn = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong packetsOut = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private volatile Consumer<byte[]> receiver = p -> { };
    private volatile String failure;
    private long lastStamp;
    private Thread thread;

    /** @param device null only in tests that feed {@link #handle} directly */
    TunInterface(TunConfig config, TunDevice device) {
        this.config = config;
        this.device = device;
    }

    /** Creates the OS interface; fails with a message that says what is missing (CAP_NET_ADMIN, the tun module). */
    public static TunInterface open(TunConfig config) throws IOException {
        return new TunInterface(config, TunDevice.open(config.name()));
    }

    public TunConfig config() {
        return config;
    }

    /** Where every valid packet read goes (the host's input path), on the reader thread. */
    public void onReceive(Consumer<byte[]> handler) {
        this.receiver = handler;
    }

    /** Starts the reader thread: every valid packet read goes to {@code handler}. */
    public synchronized void start(Consumer<byte[]> handler) {
        onReceive(handler);
        if (thread != null) {
            return;
        }
        thread = new Thread(this::readLoop, "tun-" + config.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(MAX_PACKET);
        while (true) {
            int n;
            try {
                n = device.read(buf);
            } catch (IOException e) {
                failure = e.getMessage(); // the descriptor is unusable: stop reading, the host goes on
                return;
            }
            if (n < 0) {
                return;
            }
            byte[] packet = new byte[n];
            buf.get(0, packet);
            handle(packet);
        }
    }

    void handle(byte[] packet) {
        try {
            ControlPackets.validate(packet);
        } catch (IllegalArgumentException e) {
            malformed.incrementAndGet();
            return;
        }
        packetsIn.incrementAndGet();
        bytesIn.addAndGet(packet.length);
        tapAll(LinkDirection.IN, packet);
        try {
            receiver.accept(packet);
        } catch (RuntimeException e) {
            handlerFailures.incrementAndGet();
        }
    }

    /** Writes one IP packet into the OS interface; false (and counted) when the kernel refused it. */
    public boolean send(byte[] ip) {
        tapAll(LinkDirection.OUT, ip);
        if (!device.write(ip)) {
            writeFailures.incrementAndGet();
            return false;
        }
        packetsOut.incrementAndGet();
        bytesOut.addAndGet(ip.length);
        return true;
    }

    /** Taps see every packet read from or written to the interface. */
    public AutoCloseable tap(Consumer<LinkPacket> tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    private void tapAll(LinkDirection dir, byte[] packet) {
        if (taps.isEmpty()) {
            return;
        }
        // the reader (in) and senders (out) stamp and hand over one at a time: a trace's times never go back
        synchronized (taps) {
            lastStamp = Math.max(LinkPacket.nowMicros(), lastStamp + 1);
            LinkPacket lp = new LinkPacket(lastStamp, dir, packet);
            for (Consumer<LinkPacket> t : taps) {
                try {
                    t.accept(lp);
                } catch (RuntimeException ignored) {
                    // a failing tap must not stop the interface
                }
            }
        }
    }

    public long packetsIn() {
        return packetsIn.get();
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long packetsOut() {
        return packetsOut.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }

    /** Reads that were not one whole valid IP packet (or failed), dropped. */
    public long malformed() {
        return malformed.get();
    }

    /** Packets the kernel refused (interface down, or moved away and deleted). */
    public long writeFailures() {
        return writeFailures.get();
    }

    /** Why the reader stopped early, or null while it runs (or after a normal close). */
    public String failure() {
        return failure;
    }

    public long handlerFailures() {
        return handlerFailures.get();
    }

    /** Stops the reader and closes the device: the OS interface disappears. */
    @Override
    public void close() {
        if (device == null) {
            return;
        }
        device.close();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        device.release();
    }
}
