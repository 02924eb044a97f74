package org.jsetkey.engine.link;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes classic libpcap files (magic 0xa1b2c3d4, little-endian, microsecond stamps) with
 * LINKTYPE_RAW (101): one raw IPv4/IPv6 packet per record, readable by tcpdump and tshark.
 * Thread-safe.
 */
public final class PcapWriter implements Closeable {
    public static final int LINKTYPE_RAW = 101;
    public static final int SNAPLEN = 65535;

    private final OutputStream out;

    public PcapWriter(OutputStream out) throws IOException {
        this.out = out;
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                .putInt(LINKTYPE_RAW);
        out.write(h.array());
    }

    /**
     * Creates (or truncates) {@code file} with mode 0600 (an existing file is narrowed to it):
     * a trace of a lab holds packets someone may decrypt with the keys of the same lab.
     */
    public static PcapWriter create(Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir != null && Files.isDirectory(dir)
                && Files.getFileStore(dir).supportsFileAttributeView("posix");
        OutputStream raw;
        if (posix) {
            raw = Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                    PosixFilePermissions.asFileAttribute(ownerOnly)));
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            raw = Files.newOutputStream(file);
        }
        return new PcapWriter(new BufferedOutputStream(raw));
    }

    /** Appends one packet stamped {@code micros} microseconds since the epoch. */
    public synchronized void write(long micros, byte[] packet) throws IOException {
        int caplen = Math.min(packet.length, SNAPLEN);
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(caplen).putInt(packet.length);
        out.write(r.array());
        out.write(packet, 0, caplen);
    }

    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
