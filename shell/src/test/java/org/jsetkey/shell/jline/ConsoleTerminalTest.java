package org.jsetkey.shell.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console on a virtual ANSI terminal: keys in, screen out. */
class ConsoleTerminalTest {
    private static final String AH_ADD = "add 192.0.2.10 198.51.100.20 ah 15700 -A hm";

    @TempDir
    Path dir;

    private HostContext host;
    private VirtualConsole vc;

    @BeforeEach
    void start() throws Exception {
        host = new HostContext(new HostOptions("phoenix", List.of(IpAddress.parse("192.0.2.10")), null, List.of(),
                null, null, null, false));
        vc = new VirtualConsole(host, dir.resolve("history"));
        vc.awaitText("jsetkey[phoenix]>");
    }

    @AfterEach
    void stop() throws Exception {
        vc.close();
        host.close();
    }

    /** The part of the screen after the last place {@code marker} was typed. */
    private static String after(String screen, String marker) {
        return screen.substring(screen.lastIndexOf(marker) + marker.length());
    }

    @Test
    void tabAfterDashAHmListsExactlyTheHmacAlgorithmsWithKeySizes() throws Exception {
        vc.type(AH_ADD + "\t");
        String screen = vc.await(t -> t.contains("hmac-ripemd160"), "the candidate list");
        String list = after(screen, AH_ADD);
        for (String name : Algorithms.inputNames(AlgorithmKind.AUTH)) {
            boolean offered = list.contains(name + " ") || list.contains(name + "\n");
            assertEquals(name.startsWith("hmac-"), offered, name + " in:\n" + list);
        }
        assertTrue(list.contains("16 bytes, HMAC-MD5-96"), list);
        assertTrue(list.contains("64 bytes, HMAC-SHA-512-256"), list);
    }

    @Test
    void tabAfterDashEForEspListsTheCiphers() throws Exception {
        String typed = "add 192.0.2.10 198.51.100.20 esp 15701 -E ";
        vc.type(typed + "\t");
        String list = after(vc.await(t -> t.contains("chacha20-poly1305"), "the cipher list"), typed);
        assertTrue(list.contains("blowfish-cbc"), list);
        assertTrue(list.contains("5-56 bytes, Blowfish-CBC"), list);
        assertTrue(list.contains("aes-gcm-16"), list);
        assertFalse(list.contains("des-32iv"), list);
        assertFalse(list.contains("hmac-md5"), list);
    }

    @Test
    void tabAfterPolicyProtocolAndModeListsTheLevels() throws Exception {
        String typed = "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//";
        vc.type(typed + "\t");
        String list = after(vc.await(t -> t.contains("require") && t.contains("unique"), "the levels"), typed);
        for (String level : List.of("default", "use", "require", "unique")) {
            assertTrue(list.contains(level), level + " in:\n" + list);
        }
    }

    @Test
    void tabCompletesASysctlNameWhichThenRuns() throws Exception {
        vc.type("sysctl net.inet.ipsec.esp_tr\t");
        vc.awaitText("sysctl net.inet.ipsec.esp_trans_deflev");
        vc.type("\r");
        vc.awaitText("net.inet.ipsec.esp_trans_deflev: 1\n");
    }

    @Test
    void tabCompletesASettableSysctlNameWithoutABlankSoEqualsFollows() throws Exception {
        vc.type("sysctl net.inet.ipsec.esp_tr\t");
        vc.awaitText("sysctl net.inet.ipsec.esp_trans_deflev");
        vc.type("=2\r");
        vc.awaitText("net.inet.ipsec.esp_trans_deflev: 1 -> 2\n");
        assertEquals(2, host.sysctl().getInt("net.inet.ipsec.esp_trans_deflev"));
    }

    @Test
    void multiLineStatementRunsOnceAndIsOneHistoryEntry() throws Exception {
        vc.type("add 192.0.2.10 198.51.100.20\r");
        vc.awaitText("                >");
        vc.type("  esp 15701 -E null;\r");
        vc.await(t -> t.endsWith("jsetkey[phoenix]>"), "the prompt after the statement");
        assertEquals(1, host.sad().size());
        assertEquals(0, vc.finish());
        List<String> history = Files.readAllLines(dir.resolve("history"));
        assertEquals(1, history.size(), history.toString());
        assertTrue(history.get(0).contains("198.51.100.20") && history.get(0).contains("esp 15701"), history.get(0));
    }

    @Test
    void ctrlRFindsAnEarlierEntry() throws Exception {
        vc.type("echo alpha-one\r");
        vc.awaitText("alpha-one\n");
        vc.type("echo beta\r");
        vc.awaitText("beta\n");
        vc.type("\u0012alpha\r");
        vc.await(t -> t.indexOf("alpha-one\n") != t.lastIndexOf("alpha-one\n"), "echo alpha-one run again");
    }

    @Test
    void outputFromAnotherThreadAppearsAboveTheLineBeingTyped() throws Exception {
        vc.type("add 192.0.2.10 198.5");
        vc.awaitText("add 192.0.2.10 198.5");
        Thread producer = new Thread(() -> vc.console.printAbove("ACQUIRE 192.0.2.10->198.51.100.20 esp"));
        producer.start();
        producer.join(5000);
        String screen = vc.awaitText("ACQUIRE 192.0.2.10->198.51.100.20 esp");
        String below = after(screen, "ACQUIRE 192.0.2.10->198.51.100.20 esp");
        assertTrue(below.contains("jsetkey[phoenix]> add 192.0.2.10 198.5"), "line not redrawn:\n" + below);
        vc.type("1.100.20 esp 15701 -E null;\r");
        vc.await(t -> t.endsWith("jsetkey[phoenix]>"), "the prompt");
        assertEquals(1, host.sad().size(), "the line kept its text across the notice");
    }

    @Test
    void ctrlCStopsTheForegroundCommandAndTheConsoleGoesOn() throws Exception {
        vc.type("sleep 30\r");
        long start = System.nanoTime();
        long deadline = start + 5_000_000_000L;
        while (!vc.repl.interruptForeground() && System.nanoTime() < deadline) {
            Thread.sleep(10); // until the command runs; the real key press is tested below
        }
        vc.awaitText("sleep: interrupted");
        vc.type("sleep 30\r");
        Thread.sleep(300);
        vc.type("\u0003");
        vc.await(t -> t.indexOf("sleep: interrupted") != t.lastIndexOf("sleep: interrupted"),
                "the second sleep interrupted by the Ctrl-C key");
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
        vc.type("echo still-here\r");
        vc.awaitText("still-here\n");
    }

    @Test
    void ctrlCWhileTypingDropsTheLine() throws Exception {
        vc.type("add 192.0.2.10 198.51.100.20 esp 15701 -E null\u0003");
        vc.type("echo fresh\r");
        vc.awaitText("fresh\n");
        assertEquals(0, host.sad().size());
    }

    @Test
    void firstErrorIsUnderlinedInRedBeforeEnter() throws Exception {
        vc.type("add 192.0.2.10 bogus ");
        vc.awaitText("add 192.0.2.10 bogus");
        // the screen may show the word before the highlighted redraw has been written: poll the raw output
        long end = System.nanoTime() + 10_000_000_000L;
        String before = "";
        while (System.nanoTime() < end) {
            String raw = vc.raw();
            int at = raw.lastIndexOf("bogus");
            before = at < 0 ? "" : raw.substring(Math.max(0, at - 20), at);
            if (before.contains("4") && before.contains("31")) {
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(before.contains("4") && before.contains("31"), "no red underline before bogus: "
                + before.replace("\u001b", "ESC"));
    }

    @Test
    void exitLeavesWithStatusZero() throws Exception {
        vc.type("exit\r");
        assertEquals(0, vc.awaitEnd());
    }
}
