package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setkey flags jsetkey takes over from FreeBSD and ipsec-tools, and those it refuses with a reason. */
class SetkeyFlagsTest {
    private static final String SA = "add 192.0.2.10 198.51.100.20 esp 15701 -E null;";
    private static final String TRY = "Try 'jsetkey --help' for more information.\n";

    @TempDir
    Path dir;

    private InProcessRun run(String stdin, String... args) {
        return InProcessRun.of(stdin, args);
    }

    @Test
    void dashERunsTheStatementsGivenOnTheCommandLine() {
        InProcessRun r = run("", "-e", SA, "-D");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("192.0.2.10 198.51.100.20\n\tesp mode=any spi=15701(0x00003d55)"), r.out());
        r = run("", "-e", "add 1.2.3.4;");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("<command line>:1:"), r.err());
    }

    @Test
    void dashCWithNothingOnStandardInputDoesNothingAndSucceeds() throws Exception {
        InProcessRun r = run("", "-c");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out() + r.err());
        Path empty = dir.resolve("empty.conf");
        Files.writeString(empty, "");
        r = run("", "-f", empty.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out() + r.err());
    }

    @Test
    void dashVPrintsEachBroadcastMessageTwiceAsTheReadmeExplains() throws Exception {
        InProcessRun r = run(SA + "\nspdadd 192.0.2.10 198.51.100.20 any -P out none;\n", "-v", "-c");
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.out().split("type=3\\(ADD\\)", -1).length - 1, r.out());
        assertEquals(2, r.out().split("type=14\\(X_SPDADD\\)", -1).length - 1, r.out());
        Path readme = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(readme.resolve("README.md")) || !Files.isDirectory(readme.resolve("shell"))) {
            readme = readme.getParent();
        }
        String text = Files.readString(readme.resolve("README.md")).replaceAll("\\s+", " ");
        assertTrue(text.contains("`-x` (and `-v`) print each ADD, DELETE, FLUSH, SPDADD, ... message twice"), text);
        assertTrue(text.contains("its PF_KEY socket is promiscuous"), text);
    }

    @Test
    void dashNChecksAndAppliesNothing() throws Exception {
        Path conf = dir.resolve("ok.conf");
        Files.writeString(conf, SA + "\n");
        InProcessRun r = run("", "-n", "-f", conf.toString(), "-D");
        assertEquals(0, r.status(), r.err());
        assertEquals("No SAD entries.\n", r.out());
        Files.writeString(conf, SA + "\nadd 1.2.3.4;\n");
        r = run("", "-n", "-f", conf.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(conf + ":2:"), r.err());
        r = run(SA + "\n", "-n", "-c", "-D");
        assertEquals("No SAD entries.\n", r.out());
        assertEquals("jsetkey: -n needs -f, -e or -c (it checks their statements)\n" + TRY, run("", "-n").err());
    }

    @Test
    void dashGAndDashTChoosePolicyScopes() {
        String policy = "spdadd 10.0.0.1 10.0.0.2 any -P out none;";
        InProcessRun all = run("", "-e", policy, "-DP");
        InProcessRun global = run("", "-e", policy, "-DPg");
        assertEquals(head(all.out()), head(global.out()));
        assertTrue(global.out().startsWith("10.0.0.1[any] 10.0.0.2[any] any\n"), global.out());
        assertEquals("No SPD entries.\n", run("", "-e", policy, "-DPt").out());
        assertEquals(head(all.out()), head(run("", "-e", policy, "-DPN").out()));
        assertEquals("jsetkey: -g needs -DP\n" + TRY, run("", "-D", "-g").err());
        assertEquals("jsetkey: -t needs -DP\n" + TRY, run("", "-t").err());
        assertEquals("jsetkey: -N needs -DP\n" + TRY, run("", "-D", "-N").err());
    }

    /** The dump without its times. */
    private static String head(String dump) {
        return dump.lines().filter(l -> !l.contains("created:")).toList().toString();
    }

    @Test
    void flagsWithNoMeaningHereAreRefusedWithTheReason() {
        for (String flag : new String[] {"-p", "-H", "-k", "-r"}) {
            InProcessRun r = run("", flag, "-D");
            assertEquals(1, r.status(), flag);
            assertTrue(r.err().startsWith("jsetkey: " + flag + ": "), r.err());
            assertTrue(r.err().endsWith(")\n" + TRY), r.err());
            assertEquals(2, r.err().lines().count(), r.err());
        }
        assertTrue(run("", "-p", "-D").err().contains("SAs carry no ports here"));
        assertTrue(run("", "-H", "-x").err().contains("no PF_KEY socket"));
        assertTrue(run("", "-k", "-c").err().contains("'fwd'"));
    }

    @Test
    void questionMarkIsHelp() {
        InProcessRun r = run("", "-?");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: jsetkey"), r.out());
    }

    @Test
    void dashLNeedsDump() {
        assertEquals("jsetkey: -l needs -D (it loops over the SAD, as setkey -D -l does)\n" + TRY, run("", "-l").err());
    }

    @Test
    void dashLLoopsOneShortLinePerSaUntilInterrupted() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        int[] status = {-1};
        Thread t = new Thread(() -> status[0] = Main.run(new String[] {"-e", SA, "-Dl"},
                new ByteArrayInputStream(new byte[0]), out, out, false));
        t.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (o.toString(StandardCharsets.UTF_8).lines().count() < 3 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        t.interrupt();
        t.join(10_000);
        String text = o.toString(StandardCharsets.UTF_8);
        assertEquals(0, status[0], text);
        String[] lines = text.split("\n");
        assertEquals("time p   s spi      ltime   src -> dst", lines[0]);
        for (int i = 1; i < 3; i++) {
            assertTrue(lines[i].matches("\\d{4} esp M 00003d55   \\d/0   192\\.0\\.2\\.10 -> 198\\.51\\.100\\.20"),
                    lines[i]);
        }
    }
}
