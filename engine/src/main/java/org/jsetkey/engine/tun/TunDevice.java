package org.jsetkey.engine.tun;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;

/**
 * A Linux TUN device opened on {@code /dev/net/tun} ({@code IFF_TUN | IFF_NO_PI}: every read and
 * write is one whole IPv4 or IPv6 packet, no header before it). The interface exists while the
 * device is open and disappears with it, wherever it was moved. A pipe wakes a blocked
 * {@link #read} at {@link #close}, so reading needs no timeout.
 */
final class TunDevice implements AutoCloseable {
    static final Path CLONE_DEVICE = Path.of("/dev/net/tun");
    /** {@code _IOW('T', 202, int)}. */
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFREQ_SIZE = 40;
    private static final int IFNAMSIZ = 16;
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;

    private final String name;
    private final int fd;
    private final int[] wake = new int[2];
    private final ByteBuffer pollFds = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    private final ReadWriteLock release = new ReentrantReadWriteLock(); // no write lands on a reused descriptor
    private volatile boolean closed;

    private TunDevice(String name, int fd) throws IOException {
        this.name = name;
        this.fd = fd;
        try {
            LibC.pipe(wake);
        } catch (LastErrorException e) {
            LibC.close(fd);
            throw new IOException(name + ": pipe failed (errno " + e.getErrorCode() + ")");
        }
        pollFds.putInt(0, fd).putShort(4, LibC.POLLIN).putInt(8, wake[0]).putShort(12, LibC.POLLIN);
    }

    /** Creates (or attaches to) the TUN interface {@code name}; the message of a failure says what to do. */
    static TunDevice open(String name) throws IOException {
        if (!Files.exists(CLONE_DEVICE)) {
            throw new IOException(name + ": " + CLONE_DEVICE + " is missing: load the tun module (modprobe tun)"
                    + " or, in a container, pass the device in (docker run --device /dev/net/tun --cap-add NET_ADMIN)");
        }
        int fd;
        try {
            fd = LibC.open(CLONE_DEVICE.toString(), LibC.O_RDWR | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure(name, "open " + CLONE_DEVICE, e.getErrorCode());
        } catch (UnsatisfiedLinkError e) {
            throw new IOException(name + ": TUN interfaces need Linux and its C library (" + e.getMessage() + ")");
        }
        byte[] ifreq = new byte[IFREQ_SIZE];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, ifreq, 0, n.length);
        ByteBuffer.wrap(ifreq).order(ByteOrder.nativeOrder()).putShort(IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI));
        try {
            LibC.ioctl(fd, new NativeLong(TUNSETIFF), ifreq);
        } catch (LastErrorException e) {
            LibC.close(fd);
            throw failure(name, "TUNSETIFF", e.getErrorCode());
        }
        return new TunDevice(name, fd);
    }

    private static IOException failure(String name, String call, int errno) {
        if (errno == EPERM || errno == EACCES) {
            return new IOException(name + ": not created: a TUN interface needs CAP_NET_ADMIN; run jsetkey as root"
                    + " or grant the capability (setcap cap_net_admin+ep \"$(readlink -f \"$(command -v java)\")\")");
        }
        if (errno == EBUSY) {
            return new IOException(name + ": the interface exists and another program holds it (pick another name)");
        }
        if (errno == ENOENT) {
            return new IOException(name + ": " + CLONE_DEVICE + " is missing: load the tun module (modprobe tun)");
        }
        return new IOException(name + ": " + call + " failed (errno " + errno + ")");
    }

    String name() {
        return name;
    }

    /**
     * Blocks until a packet arrives and reads it into {@code into} (whose capacity must hold the
     * interface MTU); returns its length, or -1 once the device is closed.
     */
    int read(ByteBuffer into) throws IOException {
        while (!closed) {
            pollFds.putShort(6, (short) 0).putShort(14, (short) 0);
            try {
                LibC.poll(pollFds, new NativeLong(2), -1);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                throw new IOException(name + ": poll failed (errno " + e.getErrorCode() + ")");
            }
            if (closed || pollFds.getShort(14) != 0) {
                return -1;
            }
            if (pollFds.getShort(6) == 0) {
                continue;
            }
            try {
                return LibC.read(fd, into, new NativeLong(into.capacity())).intValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR && e.getErrorCode() != LibC.EAGAIN) {
                    throw new IOException(name + ": read failed (errno " + e.getErrorCode() + ")");
                }
            }
        }
        return -1;
    }

    /** Writes one IP packet to the interface; false when the kernel refused it (down, closed, bad packet). */
    boolean write(byte[] packet) {
        release.readLock().lock();
        try {
            return !closed && LibC.write(fd, packet, new NativeLong(packet.length)).longValue() == packet.length;
        } catch (LastErrorException e) {
            return false;
        } finally {
            release.readLock().unlock();
        }
    }

    /** Wakes the reader; {@link #release} frees the descriptors once it has stopped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            LibC.write(wake[1], new byte[1], new NativeLong(1));
        } catch (LastErrorException ignored) {
            // the reader also checks the flag on its next wake-up
        }
    }

    /** Closes the descriptors (the interface disappears); call after the reader has returned. */
    void release() {
        release.writeLock().lock();
        try {
            closeAll();
        } finally {
            release.writeLock().unlock();
        }
    }

    private void closeAll() {
        for (int d : new int[] {fd, wake[0], wake[1]}) {
            try {
                LibC.close(d);
            } catch (LastErrorException ignored) {
                // already closed
            }
        }
    }
}
