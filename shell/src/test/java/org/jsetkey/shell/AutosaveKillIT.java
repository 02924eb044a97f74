package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host with --autosave, a real java process fed a burst of changes on standard input, is
 * killed with SIGKILL part-way; started again it holds exactly the state after the last
 * change it acknowledged (or after the one it was about to acknowledge: done and on disk,
 * killed before printing).
 */
class AutosaveKillIT {
    private static final int ROUNDS = 3;
    private static final int BURST = 300;

    @TempDir
    Path dir;

    /** A deterministic change: SAs added and deleted, policies added and deleted, sysctls set. */
    private static String change(Random r, int n) {
        int k = r.nextInt(10);
        String a = "10.0." + (n % 50) + ".1";
        String b = "10.1." + (n % 50) + ".2";
        if (k < 4) {
            return "add " + a + " " + b + " esp " + (1000 + n) + " -m transport -E rijndael-cbc 0x"
                    + String.format("%032x", n) + " -A hmac-sha1 0x" + String.format("%040x", n * 7L) + ";";
        } else if (k < 5) {
            int m = Math.max(0, n - 1 - r.nextInt(8));
            return "delete 10.0." + (m % 50) + ".1 10.1." + (m % 50) + ".2 esp " + (1000 + m) + ";";
        } else if (k < 7) {
            return "spdadd " + a + " " + b + " any -P " + (r.nextBoolean() ? "out" : "in")
                    + " ipsec esp/transport//require;";
        } else if (k < 8) {
            return "spddelete " + a + " " + b + " any -P out;";
        } else {
            return "sysctl net.inet.ipsec." + (r.nextBoolean() ? "esp_trans_deflev" : "ah_trans_deflev") + "="
                    + (1 + r.nextInt(2));
        }
    }

    private static final String SHOW = "dump\nspddump\nsysctl net.inet.ipsec\n";

    /** The state a fresh host reaches after {@code changes}, as dump, spddump and sysctl print it. */
    private static String expected(List<String> changes) {
        InProcessRun r = InProcessRun.of(String.join("\n", changes) + "\necho state\n" + SHOW);
        return normalize(r.out().substring(r.out().indexOf("state\n") + 6));
    }

    private static String normalize(String s) {
        return s.replaceAll("(created|current|last|diff): [^\\t\\n]*", "$1: T").replaceAll("pid=\\d+", "pid=P")
                .replaceAll("spid=\\d+", "spid=N");
    }

    @Test
    void killedHostComesBackWithItsLastAcknowledgedState() throws Exception {
        Path file = dir.resolve("host.autosave");
        Random random = new Random(11);
        List<String> history = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> burst = new ArrayList<>();
            StringBuilder input = new StringBuilder();
            for (int i = 1; i <= BURST; i++) {
                String c = change(random, round * 1000 + i);
                burst.add(c);
                input.append(c).append("\necho ack ").append(round).append('-').append(i).append('\n');
            }
            int killAt = 20 + random.nextInt(BURST / 3);
            String out;
            try (JsetkeyProcess p = JsetkeyProcess.start("--autosave", file.toString())) {
                p.send(input.toString());
                assertTrue(p.awaitOut("ack " + round + "-" + killAt + "\n", 60), p.out() + p.err());
                p.kill();
                out = p.drained(10);
            }
            int last = 0;
            for (String line : out.split("\n")) {
                if (line.startsWith("ack " + round + "-")) {
                    last = Integer.parseInt(line.substring(("ack " + round + "-").length()));
                }
            }
            assertTrue(last >= killAt, "acknowledged " + last);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

            String restarted;
            try (JsetkeyProcess p = JsetkeyProcess.start("--autosave", file.toString())) {
                p.send("echo state\n" + SHOW);
                assertEquals(0, p.finish(60), p.err());
                assertTrue(p.out().startsWith("Restoring keys, policies and sysctls from " + file + ".\n"), p.out());
                restarted = normalize(p.out().substring(p.out().indexOf("state\n") + 6));
            }
            List<String> acknowledged = new ArrayList<>(history);
            acknowledged.addAll(burst.subList(0, last));
            String atAck = expected(acknowledged);
            if (!restarted.equals(atAck) && last < BURST) {
                // the next change may have been done and written, the kill landing before its "ack"
                acknowledged.add(burst.get(last));
                assertEquals(expected(acknowledged), restarted, "round " + round + ": neither the state after change "
                        + last + " nor after " + (last + 1));
            } else {
                assertEquals(atAck, restarted, "round " + round + ", last acknowledged change " + last);
            }
            System.out.println("autosave kill round " + round + ": killed after ack " + killAt + ", last ack " + last
                    + " of " + BURST + ", restored " + (acknowledged.size() - history.size()) + " changes");
            history = acknowledged;
        }
    }
}
