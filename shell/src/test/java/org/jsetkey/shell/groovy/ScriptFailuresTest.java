package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --script exits non-zero and names the script's file and line. */
class ScriptFailuresTest {
    @TempDir
    Path dir;

    private ScriptRun script(String name, String text, String... args) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        String[] argv = new String[args.length + 2];
        argv[0] = "--script";
        argv[1] = f.toString();
        System.arraycopy(args, 0, argv, 2, args.length);
        return ScriptRun.main("", argv);
    }

    @Test
    void failingAssertionExitsOneWithFileLineAndPowerAssert() throws Exception {
        ScriptRun r = script("fail.groovy", String.join("\n",
                "def b = newHost(name: 'b', addr: '198.51.100.20')",
                "def a = newHost(name: 'a', addr: '192.0.2.10', peer: b)",
                "def r = a.ping('198.51.100.20', count: 2, interval: 0.05, quiet: true)",
                "assert r.received == 5", ""));
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("fail.groovy:4: assert r.received == 5\n"), r.err());
        assertTrue(r.err().contains("|        |\n"), r.err());
        assertTrue(r.err().contains("2        false"), r.err());
    }

    @Test
    void aMissingScriptIsReportedLikeAMissingSetkeyFile() throws Exception {
        Path missing = dir.resolve("nope.groovy");
        ScriptRun r = ScriptRun.main("", "--script", missing.toString());
        assertEquals(1, r.status());
        assertEquals("jsetkey: " + missing + ": No such file or directory\n", r.err());
    }

    @Test
    void passingScriptExitsZeroAndSeesItsArguments() throws Exception {
        ScriptRun r = script("ok.groovy", "println args.toList()\nassert args.length == 2\n", "one", "two");
        assertEquals(0, r.status(), r.err());
        assertEquals("[one, two]\n", r.out());
    }

    @Test
    void setkeyErrorShowsScriptLineThenParserPositionAndCaret() throws Exception {
        ScriptRun r = script("bad-key.groovy", "\nsetkey('add 192.0.2.1 192.0.2.2 esp 0x300 -E aes-cbc 0x1234;')\n");
        assertEquals(1, r.status());
        assertEquals("bad-key.groovy:2: setkey: <setkey>:1:46: aes-cbc needs 16, 24 or 32 bytes, got 2\n"
                + "add 192.0.2.1 192.0.2.2 esp 0x300 -E aes-cbc 0x****;\n"
                + "                                             ^~~~~~\n", r.err());
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws Exception {
        ScriptRun r = script("syntax.groovy", "println 1\ndef x = (1 +\n");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("syntax.groovy:"), r.err());
        assertTrue(r.err().matches("(?s)syntax\\.groovy:[23]:\\d+: .*"), r.err());
    }

    @Test
    void unknownOptionIsExplained() throws Exception {
        ScriptRun r = script("opt.groovy", "ping('192.0.2.1', cnt: 3)\n");
        assertEquals(1, r.status());
        assertEquals("opt.groovy:1: ping: unknown option 'cnt' (expected: count, interval, size, wait, source, quiet)\n",
                r.err());
    }

    @Test
    void failingCallbackFailsTheScript() throws Exception {
        ScriptRun r = script("callback.groovy", String.join("\n",
                "on('add') { e -> assert e.spi == 1 }",
                "setkey('add 192.0.2.1 192.0.2.2 esp 0x300 -E null;')",
                "sleep 200", ""));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("callback.groovy:1: assert e.spi == 1"), r.err());
    }

    @Test
    void missingScriptFileFails() throws Exception {
        ScriptRun r = ScriptRun.main("", "--script", dir.resolve("nope.groovy").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("nope.groovy"), r.err());
    }

    @Test
    void argumentsWithoutScriptAreAUsageError() throws Exception {
        ScriptRun r = ScriptRun.main("", "extra");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("jsetkey: unexpected argument: extra (arguments are for --script FILE)"),
                r.err());
    }
}
