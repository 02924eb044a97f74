package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaId;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {
    private static final String SA = "add 192.0.2.10 198.51.100.20 esp 4096 -r 4 -E rijndael-cbc 0x"
            + "00112233445566778899aabbccddeeff;\n";

    @TempDir
    Path dir;

    private final List<String> errors = new ArrayList<>();

    private static SaEntry sa(TestHost h) {
        return h.host.sad().get(new SaId(IpAddress.parse("198.51.100.20"), SaType.ESP, 4096)).orElseThrow();
    }

    @Test
    void everyChangeIsInTheFileWhenItReturns() throws IOException {
        Path file = dir.resolve("a.autosave");
        TestHost h = new TestHost();
        try (Autosave a = Autosave.start(h.host, file, errors::add)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            h.loadClean(SA);
            assertTrue(Files.readString(file).contains("\nadd 192.0.2.10 198.51.100.20 esp 4096 "), Files.readString(file));
            h.host.sysctl().setInt(SysctlNames.IPSEC_ESP_TRANS_DEFLEV, 2);
            assertTrue(Files.readString(file).contains("\nsysctl net.inet.ipsec.esp_trans_deflev=2\n"));
            h.loadClean("spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;");
            TestHost restored = new TestHost();
            restored.loadClean(Files.readString(file));
            assertEquals(h.state(), restored.state());
            h.loadClean("flush;");
            assertFalse(Files.readString(file).contains("\nadd "));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void policiesOnlyLinuxCanStateComeBackAfterARestart() throws IOException {
        Path file = dir.resolve("k.autosave");
        TestHost h = new TestHost();
        try (Autosave a = Autosave.start(h.host, file, errors::add)) {
            h.loadClean(XfrmListingTest.resource("kernel-forms.conf"));
            String written = Files.readString(file);
            assertTrue(written.contains("\n# no setkey equivalent: an ICMP type of exactly 0 (setkey's 0 means any):"
                    + " spdadd 192.0.2.1 198.51.100.1 icmp type 0 code 0 -P in prio high + 1073741774 discard;\n"
                    + "ip xfrm policy add src 192.0.2.1/32 dst 198.51.100.1/32 proto icmp type 0 code 0 dir in"
                    + " priority 50 action block\n"), written);
            TestHost restored = new TestHost();
            restored.loadClean(written);
            assertEquals(h.state(), restored.state());
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aBatchWritesOnceAtItsEnd() throws IOException {
        Path file = dir.resolve("b.autosave");
        TestHost h = new TestHost();
        try (Autosave a = Autosave.start(h.host, file, errors::add)) {
            String inside = a.batch(() -> {
                h.loadClean(SA + "spdadd 10.0.0.1 10.0.0.2 any -P out none;");
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertFalse(inside.contains("\nadd "), "written before the batch ended");
            assertTrue(Files.readString(file).contains("\nadd "));
        }
    }

    @Test
    void outboundSequenceNumbersAreReservedAheadAndNeverReusedAfterARestart() throws IOException {
        Path file = dir.resolve("c.autosave");
        TestHost h = new TestHost();
        long lastSent = 0;
        try (Autosave a = Autosave.start(h.host, file, errors::add)) {
            h.loadClean(SA);
            SaEntry e = sa(h);
            lastSent = e.nextSequence();
            assertEquals(1, lastSent);
            assertTrue(Files.readString(file).contains("#@seq 192.0.2.10 198.51.100.20 esp 4096 out="
                    + Autosave.HEADROOM + " in=0\n"), Files.readString(file));
            for (int i = 0; i < Autosave.HEADROOM + 10; i++) {
                lastSent = e.nextSequence();
            }
            assertTrue(Files.readString(file).contains("out=" + 2 * Autosave.HEADROOM + " "), Files.readString(file));
            e.replayWindow().update(7);
            e.replayWindow().update(9);
            a.write();
        }
        // the process dies here: a new one loads the file
        TestHost restarted = new TestHost();
        restarted.loadClean(Files.readString(file));
        SaEntry e = sa(restarted);
        long next = e.nextSequence();
        assertTrue(next > lastSent, "resumed at " + next + " after " + lastSent + " was sent");
        assertEquals(2 * Autosave.HEADROOM + 1, next);
        assertFalse(e.replayWindow().check(9), "a replay of an accepted packet");
        assertFalse(e.replayWindow().check(8), "a number the window may have accepted before the crash");
        assertTrue(e.replayWindow().check(10));
    }
}
