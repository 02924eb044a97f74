package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The real program in its own JVM, standard input piped. */
class MainProcessIT {
    private record Run(int status, String out, String err) { }

    private Run java(String stdin, String... args) throws IOException, InterruptedException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin.toString(), "-cp",
                System.getProperty("java.class.path"), "org.jsetkey.shell.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "program did not finish");
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void pipedCommandsSucceedWithStatusZero() throws Exception {
        Run r = java("sysctl net.inet.ipsec.def_policy=0\necho done\n");
        assertEquals(0, r.status(), r.err());
        assertEquals("net.inet.ipsec.def_policy: 1 -> 0\ndone\n", r.out());
    }

    @Test
    void aFailedCommandGivesStatusOne() throws Exception {
        Run r = java("sysctl net.inet.ipsec.def_policy=7\n");
        assertEquals(1, r.status());
        assertEquals("net.inet.ipsec.def_policy: 1\n", r.out());
        assertEquals("sysctl: net.inet.ipsec.def_policy=7: Invalid argument\n", r.err());
    }

    @Test
    void usageErrorGivesStatusOne() throws Exception {
        Run r = java("", "--bogus");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("jsetkey: Unknown option: '--bogus'"), r.err());
    }

    @Test
    void dashXMonitorsLikeSetkeyAndKeepsRunningAfterItsInputEnds() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "org.jsetkey.shell.Main", "-xx").start();
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write("flush esp;\n".getBytes(StandardCharsets.UTF_8));
            }
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String line = out.readLine();
                assertTrue(line != null, "monitor output ended early: " + lines);
                lines.add(line);
            }
            assertTrue(lines.get(0).matches("\\d{10}\\.\\d{6} "), lines.toString());
            assertEquals("sadb_msg{ version=2 type=9(FLUSH) errno=0 satype=3", lines.get(1));
            assertEquals("  len=2 reserved=0 seq=0 pid=" + p.pid(), lines.get(2));
            assertEquals("", lines.get(3));
            assertEquals(lines.get(1), lines.get(5), "broadcast replies print twice");
            assertEquals(false, p.waitFor(1, TimeUnit.SECONDS), "-x keeps monitoring after standard input ends");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
