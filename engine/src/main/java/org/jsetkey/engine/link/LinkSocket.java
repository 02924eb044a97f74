package org.jsetkey.engine.link;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The link's UDP socket. Its reader polls for {@link #BUSY_POLL_NANOS} after the last datagram
 * before it sleeps, as Linux's {@code net.core.busy_read} does: on loopback the kernel hands a
 * datagram to its receiver inside the sender's own {@code sendto}, and waking a sleeping reader
 * there was about a quarter of the sender's cost per datagram. The channel stays non-blocking: an
 * operation in that mode does not close the channel when its thread is interrupted, as a blocking
 * one would (Ctrl-C interrupts a ping that may be sending).
 */
final class LinkSocket implements AutoCloseable {
    static final long BUSY_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** How long a send waits for room in a full socket buffer before the datagram is lost. */
    private static final long SEND_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DatagramChannel channel;
    private final Selector selector;
    private final int port;

    private LinkSocket(DatagramChannel channel, Selector selector, int port) {
        this.channel = channel;
        this.selector = selector;
        this.port = port;
    }

    /** Binds {@code listen}; a failure says which socket and why in words a user can act on. */
    static LinkSocket bind(InetSocketAddress listen, int receiveBuffer) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            channel.bind(listen);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new LinkSocket(channel, selector, ((InetSocketAddress) channel.getLocalAddress()).getPort());
        } catch (BindException e) {
            channel.close();
            String why = String.valueOf(e.getMessage());
            String where = "link socket " + Endpoints.format(listen);
            if (why.contains("in use")) {
                throw new BindException(where + ": address already in use (another jsetkey may hold it)");
            }
            if (why.contains("assign")) {
                throw new BindException(where + ": cannot assign the address (not an address of this machine)");
            }
            throw new BindException(where + ": " + why);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /** Sends one datagram; false when the socket is closed or its buffer stayed full for a second. */
    boolean send(byte[] buffer, int offset, int length, InetSocketAddress to) {
        ByteBuffer datagram = window(buffer, offset, length);
        long deadline = 0;
        try {
            // a datagram goes whole or not at all; only a non-empty one that sent nothing found no room
            while (channel.send(datagram, to) == 0 && length > 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + SEND_WAIT_NANOS;
                } else if (now - deadline > 0) {
                    return false;
                }
                LockSupport.parkNanos(50_000);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code buffer[offset..offset+length)} as a byte buffer: this thread's wrapper of the array
     * when it last sent from the same one (a packet's buffer is reused packet after packet), so a
     * send makes no object.
     */
    private static ByteBuffer window(byte[] buffer, int offset, int length) {
        ByteBuffer last = WRAPPER.get();
        if (last == null || last.array() != buffer) {
            last = ByteBuffer.wrap(buffer);
            WRAPPER.set(last);
        }
        last.clear();
        last.limit(offset + length).position(offset);
        return last;
    }

    private static final ThreadLocal<ByteBuffer> WRAPPER = new ThreadLocal<>();
    private static final java.util.function.Consumer<SelectionKey> WOKEN = key -> { };

    /**
     * Reads the next datagram into {@code into} from its position; returns its sender, or null
     * once the socket is closed. Polls for {@link #BUSY_POLL_NANOS}, then sleeps until one comes.
     */
    InetSocketAddress receive(ByteBuffer into) {
        int start = into.position();
        long pollUntil = 0;
        while (true) {
            try {
                SocketAddress from = channel.receive(into);
                if (from != null) {
                    return (InetSocketAddress) from;
                }
            } catch (ClosedChannelException e) {
                return null;
            } catch (IOException e) {
                into.position(start); // an error queued for the socket, not a datagram: read on
            }
            long now = System.nanoTime();
            if (pollUntil == 0) {
                pollUntil = now + BUSY_POLL_NANOS;
            } else if (now - pollUntil > 0) {
                if (!sleep()) {
                    return null;
                }
                pollUntil = 0;
                continue;
            }
            Thread.yield(); // a thread with work on this core goes first
        }
    }

    private boolean sleep() {
        try {
            // the form that hands the ready key to an action: the other adds it to the selected-key
            // set, which makes a node per wake-up
            selector.select(WOKEN);
            return channel.isOpen();
        } catch (IOException | ClosedSelectorException e) {
            return false;
        }
    }

    /** Closes the socket and wakes its reader, which then returns null. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
        try {
            selector.close(); // wakes a reader asleep in select and releases the socket's descriptor
        } catch (IOException ignored) {
            // as above
        }
    }
}
