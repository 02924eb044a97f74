package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MainTest extends InProcessProgramTest {
    @Test
    void unknownFlagIsAUsageErrorNamingTheFlag() {
        assertEquals(1, run("", "-z"));
        assertEquals("jsetkey: Unknown option: '-z'\nTry 'jsetkey --help' for more information.\n", err);
        assertEquals("", out);
    }

    @Test
    void strayArgumentIsAUsageError() {
        assertEquals(1, run("", "-D", "extra"));
        assertTrue(err.contains("extra"), err);
    }

    @Test
    void policyModifierAloneIsAUsageError() {
        assertEquals(1, run("", "-P"));
        assertTrue(err.startsWith("jsetkey: -P needs -D or -F"), err);
    }

    @Test
    void badPeerIsAUsageError() {
        assertEquals(1, run("", "--peer", "127.0.0.1:99999"));
        assertTrue(err.startsWith("jsetkey: link port: 99999 (expected: 1-65535)"), err);
    }

    @Test
    void linkShowsTheWildcardAsNamedAndPortZeroAsThePortChosen() throws Exception {
        int port = LabProfiles.freePort();
        assertEquals(0, run("link\n", "--addr", "192.0.2.10", "--listen", "0.0.0.0:" + port), err);
        assertTrue(out.startsWith("local 0.0.0.0:" + port + "  "), out);
        assertEquals(0, run("link\n", "--addr", "192.0.2.10", "--listen", "127.0.0.1:0"), err);
        assertTrue(out.matches("(?s)local 127\\.0\\.0\\.1:([1-9][0-9]*)  .*"), out);
        assertEquals(1, run("", "--peer", "127.0.0.1:0"));
        assertTrue(err.startsWith("jsetkey: link port: 0 (expected: 1-65535)"), err);
    }

    @Test
    void aLinkAddressThatIsNotThisMachinesIsAnError() {
        assertEquals(1, run("", "--listen", "192.0.2.1:7000"));
        assertEquals("jsetkey: link socket 192.0.2.1:7000: cannot assign the address (not an address of this machine)\n",
                err);
    }

    @Test
    void aLinkPortInUseNamesAddressAndPortAndAnotherJsetkey() throws Exception {
        try (java.net.DatagramSocket taken = new java.net.DatagramSocket(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))) {
            assertEquals(1, run("", "--listen", "127.0.0.1:" + taken.getLocalPort()));
            assertEquals("jsetkey: link socket 127.0.0.1:" + taken.getLocalPort()
                    + ": address already in use (another jsetkey may hold it)\n", err);
        }
    }

    @Test
    void saveWritesAFileThatRebuildsTheDatabases(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("saved.conf");
        assertEquals(0, run("add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"12345\";\n"
                + "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;\n"
                + "save " + file + "\n"));
        assertEquals("save: 4 statements written to " + file + "\n", out);
        assertEquals(0, run("", "-f", file.toString(), "-D"));
        assertTrue(out.startsWith("192.0.2.10 198.51.100.20\n\tesp mode=any spi=15701(0x00003d55)"), out);
        assertEquals(0, run("", "-f", file.toString(), "-DP"));
        assertTrue(out.contains("\tesp/transport//require\n"), out);
        assertEquals(1, run("save " + dir.resolve("no/such/dir/x.conf") + "\n"));
        assertEquals("save: " + dir.resolve("no/such/dir/x.conf") + ": No such file or directory\n", err);
    }

    @Test
    void pingWithoutAnAddressOfTheFamilySaysSoBeforeAnyHeader() {
        assertEquals(1, run("ping -c 1 10.0.0.2\n"));
        assertEquals("", out);
        assertEquals("ping: no IPv4 address on this host to ping 10.0.0.2 from (use --addr)\n", err);
    }

    @Test
    void flushAndDumpThePolicyDatabaseTogether() {
        assertEquals(0, run("spdadd 10.0.0.1 10.0.0.2 any -P out none;\n", "-c", "-FP", "-DP"));
        assertTrue(out.startsWith("10.0.0.1[any] 10.0.0.2[any] any\n\tout none\n"), out);
    }

    @Test
    void setkeyQuitStatementEndsACommandFile() {
        assertEquals(0, run("echo before\nquit;\necho after\n"));
        assertEquals("before\n", out);
    }

    @Test
    void benchRefusesAnUnboundedRoundCount() {
        assertEquals(1, run("", "--bench", "0"));
        assertTrue(err.startsWith("jsetkey: --bench rounds: 0 (expected: 1-20)"), err);
    }

    @Test
    void benchRefusesAnUnknownPartNamingTheKnownOnes() {
        assertEquals(1, run("", "--bench", "datapth"));
        assertTrue(err.startsWith("jsetkey: --bench: unknown part 'datapth' (expected: datapath"), err);
        assertEquals("", out);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertEquals(0, run("", "--version"));
        assertEquals("jsetkey 0.1.0\n", out);
        assertEquals(0, run("", "-V"));
        assertEquals("jsetkey 0.1.0\n", out);
    }

    @Test
    void helpListsSetkeyAndHostFlags() {
        assertEquals(0, run("", "--help"));
        for (String flag : new String[] {"-c", "-f FILE", "-e STATEMENTS", "-D", "-P", "-F", "-a", "-l", "-n", "-v",
                "--name NAME", "--addr ADDR", "--listen HOST:PORT", "--peer HOST:PORT[=PREFIX]", "--boot FILE",
                "--rc FILE", "--script FILE", "--demo", "--version"}) {
            assertTrue(out.contains(flag), flag + " in\n" + out);
        }
        assertEquals("", err);
    }

    @Test
    void helpFormatsEveryDescriptionWithoutAWarning() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("", "--help"));
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8), "picocli's own warnings");
        assertTrue(out.contains("1% reorder 5% delay 2ms duplicate 1% corrupt 0.1% seed 1'"), out);
    }

    @Test
    void stdinCommandModeRunsConsoleCommands() {
        int status = run("echo start\nsysctl net.inet.ipsec.esp_trans_deflev=2\n"
                + "sysctl -n net.inet.ipsec.esp_trans_deflev\nhelp echo\n");
        assertEquals(0, status, err);
        assertEquals("start\nnet.inet.ipsec.esp_trans_deflev: 1 -> 2\n2\necho TEXT...\n"
                + "  Prints its arguments separated by one blank (handy in scripts and test input).\n", out);
        assertEquals("", err);
    }

    @Test
    void stdinCommandModeFailsWhenACommandFailsButGoesOn() {
        assertEquals(1, run("nosuch\necho still here\n"));
        assertEquals("still here\n", out);
        assertEquals("unknown command: nosuch (type help for the list)\n", err);
    }

    @Test
    void exitStopsReadingStandardInput() {
        assertEquals(0, run("echo a\nexit\necho b\n"));
        assertEquals("a\n", out);
    }

    @Test
    void hostFlagsAloneStillReadCommands() {
        assertEquals(0, run("echo ok\n", "--name", "phoenix", "--addr", "192.0.2.1", "--listen", "127.0.0.1:7001",
                "--peer", "127.0.0.1:7002=192.0.2.2/32"));
        assertEquals("ok\n", out);
    }

    @Test
    void flushFlagsWorkOnEmptyDatabases() {
        assertEquals(0, run("", "-F"));
        assertEquals(0, run("", "-FP"));
        assertEquals("", out + err);
    }

    @Test
    void missingFileFails() {
        assertEquals(1, run("", "-f", dir.resolve("nope.conf").toString()));
        assertEquals("jsetkey: " + dir.resolve("nope.conf") + ": No such file or directory\n", err);
    }

    @Test
    void loadsAFileAndDumpsTheSad() throws Exception {
        Path conf = dir.resolve("ipsec.conf");
        Files.writeString(conf, "flush;\nspdflush;\n"
                + "add 192.0.2.1 192.0.2.2 ah 15700 -A hmac-md5 \"1234567890123456\";\n"
                + "spdadd 192.0.2.1 192.0.2.2 any -P out ipsec ah/transport//default;\n");
        assertEquals(0, run("", "-f", conf.toString(), "-D"));
        assertTrue(out.startsWith("192.0.2.1 192.0.2.2\n\tah mode=any spi=15700(0x00003d54)"), out);
        assertEquals(0, run("", "-f", conf.toString(), "-DP"));
        assertTrue(out.startsWith("192.0.2.1[any] 192.0.2.2[any] any\n\tout ipsec\n"), out);
    }

    @Test
    void fileErrorsShowPositionAndCaretAndFail() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "add 192.0.2.1 192.0.2.2 esp 100 -E null;\n");
        assertEquals(1, run("", "-f", conf.toString(), "-D"));
        assertTrue(err.startsWith(conf + ":1:"), err);
        assertTrue(err.contains("\nadd 192.0.2.1 192.0.2.2 esp 100 -E null;\n"), err);
        assertTrue(err.contains("^"), err);
    }

    @Test
    void statementsFromStandardInputWithC() {
        assertEquals(0, run("add 192.0.2.1 192.0.2.2 esp 1000 -E null;\n", "-c", "-D"));
        assertTrue(out.contains("esp mode=any spi=1000(0x000003e8)"), out);
        assertEquals(0, run("dump;\n"));
        assertEquals("No SAD entries.\n", out);
    }

    @Test
    void fileErrorsSayWhyOnceAndFailBeforeAnnouncingSuccess() throws Exception {
        Path missing = dir.resolve("nonexistent/dir/x.pcap");
        assertEquals(1, run("tcpdump -w " + missing + "\n", "--listen", "127.0.0.1:" + LabProfiles.freePort()));
        assertEquals("tcpdump: " + missing + ": No such file or directory\n", err);
        assertEquals(1, run("", "--script", dir.resolve("nope.groovy").toString()));
        assertEquals("jsetkey: " + dir.resolve("nope.groovy") + ": No such file or directory\n", err);
        assertEquals(1, run("run " + dir.resolve("nope.groovy") + "\n"));
        assertEquals("run: " + dir.resolve("nope.groovy") + ": No such file or directory\n", err);
        assertEquals(1, run("run " + dir + "\n"));
        assertEquals("run: " + dir + ": Is a directory\n", err);
        assertEquals(1, run("", "-f", dir.toString()));
        assertEquals("jsetkey: " + dir + ": Is a directory\n", err);
        assertEquals(1, run("save " + dir + "\n"));
        assertEquals("save: " + dir + ": Is a directory\n", err);
    }
}
