package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** groovy and run in the console (commands piped on standard input). */
class GroovyConsoleTest {
    @TempDir
    Path dir;

    @Test
    void groovyExpressionPrintsItsValue() throws Exception {
        ScriptRun r = ScriptRun.main("groovy [1, 2].collect { it * 21 }\ngroovy println \"quoted 'words' stay\"\n");
        assertEquals(0, r.status(), r.err());
        assertEquals("[21, 42]\nquoted 'words' stay\n", r.out());
    }

    @Test
    void groovySeesTheConsolesHost() throws Exception {
        ScriptRun r = ScriptRun.main(String.join("\n",
                "add 192.0.2.1 192.0.2.2 esp 0x300 -E null;",
                "groovy sad.collect { \"$it.proto $it.spi $it.enc $it.state\" }",
                "groovy setkey('spdadd 192.0.2.1 192.0.2.2 any -P out ipsec esp/transport//require;')",
                "spddump",
                "groovy spd[0].rules",
                "groovy sysctl['net.inet.ipsec.esp_trans_deflev'] = 2",
                "sysctl net.inet.ipsec.esp_trans_deflev", ""));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("[esp 768 null mature]\n"), r.out());
        assertTrue(r.out().contains("192.0.2.1[any] 192.0.2.2[any] any\n\tout ipsec\n\tesp/transport//require\n"),
                r.out());
        assertTrue(r.out().contains("[esp/transport//require]\n2\nnet.inet.ipsec.esp_trans_deflev: 2\n"), r.out());
    }

    @Test
    void groovyModeKeepsVariablesAndExitReturns() throws Exception {
        ScriptRun r = ScriptRun.main(String.join("\n",
                "groovy", "x = 20", "twice = { n ->", "  n * 2", "}; null", "twice(x) + 2", "dump()", "exit",
                "echo back at the console", ""));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("20\n42\nNo SAD entries.\nback at the console\n"), r.out());
    }

    @Test
    void groovyErrorFailsTheCommandWithLine() throws Exception {
        ScriptRun r = ScriptRun.main("groovy\n1\nnosuch.thing\nexit\n");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("groovy:1: No such property: nosuch"), r.err());
    }

    @Test
    void setDebugOnAddsTheStackTraceToGroovyErrors() throws Exception {
        Path f = dir.resolve("fails.groovy");
        Files.writeString(f, "def boom() { throw new IllegalStateException('kaputt') }\nboom()\n");
        ScriptRun quiet = ScriptRun.main("groovy nosuch.thing\nrun " + f + "\n");
        assertEquals("groovy:1: No such property: nosuch for class: groovy\nfails.groovy:1: kaputt\n", quiet.err());
        ScriptRun r = ScriptRun.main("set debug on\ngroovy nosuch.thing\nrun " + f + "\n");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("groovy:1: No such property: nosuch"), r.err());
        assertTrue(r.err().contains("groovy.lang.MissingPropertyException: No such property: nosuch"), r.err());
        assertTrue(r.err().contains("fails.groovy:1: kaputt\njava.lang.IllegalStateException: kaputt\n"), r.err());
        assertTrue(r.err().contains("\tat fails.boom(fails.groovy:1)"), r.err());
    }

    @Test
    void runGroovyFileWithArguments() throws Exception {
        Path f = dir.resolve("hello.groovy");
        Files.writeString(f, "println \"hello ${args[0]}\"\nsetkey('add 192.0.2.1 192.0.2.2 esp 0x400 -E null;')\n");
        ScriptRun r = ScriptRun.main("run " + f + " world\ndump esp\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("hello world\n192.0.2.1 192.0.2.2\n\tesp mode=any spi=1024(0x00000400)"),
                r.out());
    }

    @Test
    void runSetkeyFileReportsFileLineColumn() throws Exception {
        Path f = dir.resolve("sas.conf");
        Files.writeString(f, "add 192.0.2.1 192.0.2.2 esp 0x500 -E null;\nadd 192.0.2.1 192.0.2.2 esp 0x501 -E nosuch;\n");
        ScriptRun r = ScriptRun.main("run " + f + "\ngroovy sad*.spi\n");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(f + ":2:38: unknown encryption algorithm \"nosuch\""), r.err());
        assertTrue(r.err().contains("\n                                     ^~~~~~\n"), r.err());
        assertEquals("[]\n", r.out(), "like setkey -f, a file with an error changes nothing");
    }

    @Test
    void helpGroovyDocumentsTheApi() throws Exception {
        ScriptRun r = ScriptRun.main("help groovy\n");
        assertEquals(0, r.status(), r.err());
        for (String word : new String[] {"groovy [EXPR]", "setkey('...')", "capture(count: 10", "on('acquire'",
                "waitFor(seconds)", "newHost(name:"}) {
            assertTrue(r.out().contains(word), word + " in\n" + r.out());
        }
    }
}
