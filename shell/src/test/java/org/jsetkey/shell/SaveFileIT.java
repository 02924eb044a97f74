package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code save} from a real process started by a shell with umask 022: the file holding keys is 0600. */
class SaveFileIT {
    @TempDir
    Path dir;

    private static final String CONFIG = "add 192.0.2.10 198.51.100.20 esp 15701 -m transport"
            + " -E rijndael-cbc 0x000102030405060708090a0b0c0d0e0f -A hmac-sha2-256 0x" + "ab".repeat(32) + ";\n"
            + "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;\n"
            + "sysctl net.inet.ipsec.esp_trans_deflev=2\n";

    private String run(String stdin, String... args) throws IOException, InterruptedException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        StringBuilder cmd = new StringBuilder("umask 022; exec '" + javaBin + "' -cp '"
                + System.getProperty("java.class.path") + "' org.jsetkey.shell.Main");
        for (String a : args) {
            cmd.append(" '").append(a).append('\'');
        }
        Process p = new ProcessBuilder("sh", "-c", cmd.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void savedFileIsOwnerOnlyWithUmask022AndReloadsTheSameState() throws Exception {
        Path saved = dir.resolve("saved.conf");
        Path plain = dir.resolve("plain.txt");
        String before = run(CONFIG + "save " + saved + "\ndump\nspddump\nsysctl -a\n");
        // the same shell creates an ordinary file 0644: the umask really is 022
        new ProcessBuilder("sh", "-c", "umask 022; : > '" + plain + "'").start().waitFor(10, TimeUnit.SECONDS);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        assertTrue(Files.readString(saved).contains("\nsysctl net.inet.ipsec.esp_trans_deflev=2\n"));

        String after = run("dump\nspddump\nsysctl -a\n", "--boot", saved.toString());
        assertEquals(normalize(before.substring(before.indexOf("192.0.2.10 198.51.100.20\n"))), normalize(after));
    }

    @Test
    void ipXfrmFormatIsOwnerOnlyAndReportsWhatHasNoEquivalent() throws Exception {
        Path x = dir.resolve("saved.xfrm");
        String out = run(CONFIG + "add 10.0.0.1 10.0.0.2 esp-old 0x1000 -E des-cbc 0x0001020304050607;\n"
                + "save --format ip-xfrm " + x + "\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(x)));
        List<String> lines = Files.readAllLines(x);
        assertTrue(out.contains(x + ":4: sysctl net.inet.ipsec.esp_trans_deflev is a FreeBSD knob"), out);
        assertTrue(out.contains(x + ":6: esp-old (RFC 1826/1827) has no ip xfrm equivalent"), out);
        assertTrue(lines.get(4).startsWith("ip xfrm state add src 192.0.2.10 dst 198.51.100.20 proto esp spi 0x00003d55"
                + " mode transport extra-flag oseq-may-wrap enc cbc(aes) 0x000102030405060708090a0b0c0d0e0f"
                + " auth-trunc hmac(sha256) 0x"), lines.get(4));
        assertTrue(lines.get(6).equals("ip xfrm policy add src 192.0.2.10/32 dst 198.51.100.20/32 dir out"
                + " priority 2147483648 tmpl proto esp mode transport level required"), lines.get(6));
    }

    /** Times, pids and the process's own position counters are not state. */
    static String normalize(String dump) {
        return dump.replaceAll("(created|current|last|diff): [^\\t\\n]*", "$1: T")
                .replaceAll("pid=\\d+", "pid=P").replaceAll("spid=\\d+", "spid=N");
    }
}
