package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Junk on standard input and start-up flags that cannot be honoured: bounded output, a reason, status 1. */
class HostileInputTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static InProcessRun bytes(byte[] stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = assertTimeoutPreemptively(GENEROUS, () -> Main.run(args, new ByteArrayInputStream(stdin),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                false));
        return new InProcessRun(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hundredKilobytesOfNulOnDashC() {
        InProcessRun r = bytes(new byte[100_000], "-c", "-D");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("<stdin>:1:1: unexpected character \"\\x00\"\n"), r.err());
        assertTrue(r.err().endsWith("\n<stdin>: too many errors; stopping\n"), r.err());
        assertTrue(r.err().length() < 10_000, r.err().length() + " bytes");
        assertEquals("No SAD entries.\n", r.out());
    }

    @Test
    void hundredKilobytesOfRandomBytesOnDashC() {
        byte[] junk = new byte[100_000];
        new Random(24).nextBytes(junk);
        InProcessRun r = bytes(junk, "-c");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("\n<stdin>: too many errors; stopping\n"), r.err());
        assertTrue(r.err().getBytes(StandardCharsets.UTF_8).length < 10_000, r.err().length() + " characters");
        assertTrue(r.err().chars().noneMatch(c -> c == 0x1b || c < 0x20 && c != '\n' && c != '\t'), r.err());
    }

    @Test
    void twentyMegabyteJunkLineOnDashC() {
        byte[] junk = new byte[20_000_000];
        Random random = new Random(5);
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (0x21 + random.nextInt(94));
        }
        InProcessRun r = bytes(junk, "-c");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("\n<stdin>: too many errors; stopping\n") || r.err().lines().count() <= 63,
                r.err());
        assertTrue(r.err().length() < 10_000, r.err().length() + " characters");
    }

    @Test
    void junkPipedToTheConsoleStopsAfterTwentyFailures() {
        byte[] junk = new byte[100_000];
        new Random(3).nextBytes(junk);
        InProcessRun r = bytes(junk);
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("\n<stdin>: too many errors; stopping\n"), r.err());
        assertTrue(r.err().length() < 10_000, r.err().length() + " characters");
        assertTrue(r.err().chars().noneMatch(c -> c == 0x1b || c < 0x20 && c != '\n' && c != '\t'), r.err());
    }

    @Test
    void aBootFileLoadsBeforeDashDOrTheRunFailsWithTheReason() throws Exception {
        Path conf = dir.resolve("boot.conf");
        Files.writeString(conf, "add 192.0.2.10 198.51.100.20 esp 15701 -E null;\n");
        InProcessRun r = InProcessRun.of("", "--boot", conf.toString(), "-D");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("192.0.2.10 198.51.100.20\n\tesp mode=any spi=15701(0x00003d55)"), r.out());
        r = InProcessRun.of("", "--boot", dir.resolve("missing.conf").toString(), "-D");
        assertEquals(1, r.status());
        assertEquals("jsetkey: " + dir.resolve("missing.conf") + ": No such file or directory\n", r.err());
        assertEquals("", r.out());
        r = InProcessRun.of("", "--boot", dir.toString(), "-DP");
        assertEquals(1, r.status());
        assertEquals("jsetkey: " + dir + ": Is a directory\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aProfilesIpsecFileLoadsBeforeDashDAndDashFAndDashE() throws Exception {
        Path rc = dir.resolve("rc.conf");
        Files.writeString(rc, "hostname=\"h\"\nipsec_enable=\"YES\"\nipsec_file=\"ipsec.conf\"\n");
        Files.writeString(dir.resolve("ipsec.conf"), "add 192.0.2.10 198.51.100.20 esp 15701 -E null;\n");
        InProcessRun r = InProcessRun.of("", "--rc", rc.toString(), "-D");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Installing ipsec manual keys/policies.\n192.0.2.10 198.51.100.20\n"), r.out());
        r = InProcessRun.of("", "--rc", rc.toString(), "-e", "delete 192.0.2.10 198.51.100.20 esp 15701;", "-D");
        assertEquals(0, r.status(), r.err());
        assertEquals("Installing ipsec manual keys/policies.\nNo SAD entries.\n", r.out());
        r = InProcessRun.of("", "--rc", rc.toString(), "-F", "-D");
        assertEquals("Installing ipsec manual keys/policies.\nNo SAD entries.\n", r.out());
        Files.delete(dir.resolve("ipsec.conf"));
        r = InProcessRun.of("", "--rc", rc.toString(), "-D");
        assertEquals(1, r.status());
        assertEquals("/etc/rc.d/ipsec: WARNING: " + dir.resolve("ipsec.conf") + " not readable; ipsec start aborted.\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingOrDirectoryProfileIsAnErrorWithDashD() {
        InProcessRun r = InProcessRun.of("", "--rc", dir.resolve("missing.rc").toString(), "-D");
        assertEquals(1, r.status());
        assertEquals("jsetkey: " + dir.resolve("missing.rc") + ": No such file or directory\n", r.err());
        assertEquals("", r.out());
        r = InProcessRun.of("", "--rc", dir.toString(), "-D");
        assertEquals(1, r.status());
        assertEquals("jsetkey: " + dir + ": Is a directory\n", r.err());
    }

    @Test
    void aJunkAutosaveFileIsReportedBoundedAndKept() throws Exception {
        Path save = dir.resolve("h.save");
        byte[] junk = new byte[100_000];
        new Random(9).nextBytes(junk);
        Files.write(save, junk);
        InProcessRun r = bytes(new byte[0], "--autosave", save.toString(), "-D");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith(save + ": too many errors; stopping\njsetkey: " + save
                + ": not restored; autosave is off, the file is kept\n"), r.err());
        assertTrue(r.err().length() < 10_000, r.err().length() + " characters");
        assertEquals("Restoring keys, policies and sysctls from " + save + ".\n", r.out());
        assertTrue(java.util.Arrays.equals(junk, Files.readAllBytes(save)), "the file is kept");
    }
}
