package org.jsetkey.engine.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pcap is created owner-only, and an existing file is narrowed to owner-only when overwritten. */
class PcapModeTest {
    @TempDir
    Path dir;

    @Test
    void newPcapIsOwnerOnly() throws Exception {
        Path f = dir.resolve("trace.pcap");
        try (PcapWriter w = PcapWriter.create(f)) {
            w.write(1_000_000L, new byte[] {0x45, 0, 0, 20});
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(24 + 16 + 4, Files.size(f));
    }

    @Test
    void overwrittenPcapIsNarrowedAndTruncated() throws Exception {
        Path f = dir.resolve("old.pcap");
        Files.write(f, new byte[1000]);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        try (PcapWriter w = PcapWriter.create(f)) {
            w.flush();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(24, Files.size(f));
    }
}
