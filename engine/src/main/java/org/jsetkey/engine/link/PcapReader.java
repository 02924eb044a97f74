package org.jsetkey.engine.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads classic libpcap files (either byte order, µs or ns stamps); the records' bytes as captured. */
public final class PcapReader {
    /** One record: capture time in microseconds and the captured bytes. */
    public record Record(long micros, byte[] data) {
        public Record {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** The link type and the records of a whole file. */
    public record Capture(int linkType, List<Record> records) {
        public Capture {
            records = List.copyOf(records);
        }
    }

    private PcapReader() {
    }

    public static Capture read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static Capture read(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 24) {
            throw new IOException("pcap file of " + bytes.length + " bytes (expected: a 24-byte header)");
        }
        int magic = b.getInt();
        boolean nanos;
        if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
            nanos = magic == 0xa1b23c4d;
        } else if (Integer.reverseBytes(magic) == 0xa1b2c3d4 || Integer.reverseBytes(magic) == 0xa1b23c4d) {
            nanos = Integer.reverseBytes(magic) == 0xa1b23c4d;
            b.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw new IOException(String.format("not a pcap file: magic 0x%08x", magic));
        }
        b.position(20);
        int linkType = b.getInt();
        List<Record> records = new ArrayList<>();
        while (b.remaining() >= 16) {
            long sec = b.getInt() & 0xffffffffL;
            long frac = b.getInt() & 0xffffffffL;
            int caplen = b.getInt();
            b.getInt();
            if (caplen < 0 || caplen > b.remaining()) {
                throw new IOException("pcap record at offset " + (b.position() - 16) + " claims " + caplen
                        + " bytes, " + b.remaining() + " left");
            }
            byte[] data = new byte[caplen];
            b.get(data);
            records.add(new Record(sec * 1_000_000 + (nanos ? frac / 1000 : frac), data));
        }
        return new Capture(linkType, records);
    }
}
