package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.sysctl.Sysctl;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private final Sysctl sysctl = new Sysctl();
    private final FakeSetkey setkey = new FakeSetkey();
    private final RecordingOutput output = new RecordingOutput();
    private final Interpreter interpreter = Interpreter.create(sysctl, setkey, new Session(), output);

    @Test
    void helpListsEveryCommand() {
        assertEquals(Outcome.OK, interpreter.accept("help"));
        for (Command c : interpreter.registry().commands()) {
            assertTrue(output.out.toString().contains(c.synopsis()), c.name());
        }
        assertTrue(output.out.toString().contains("spdadd"));
    }

    @Test
    void helpForOneCommandAndForAStatement() {
        assertEquals(Outcome.OK, interpreter.accept("help sleep"));
        assertTrue(output.out.toString().startsWith("sleep SECONDS\n  Waits SECONDS"));
        assertEquals(Outcome.OK, interpreter.accept("help spdadd"));
        assertTrue(output.out.toString().contains(
                "spdadd [aiflags] <src_range> <dst_range> <upperspec> [label] <policy> ;\n  add a security policy\n"),
                output.out.toString());
        assertEquals(Outcome.FAILED, interpreter.accept("help nosuch"));
        assertEquals("help: no command 'nosuch' (type help for the list)\n", output.err.toString());
    }

    @Test
    void unknownCommandSaysWhich() {
        assertEquals(Outcome.FAILED, interpreter.accept("frobnicate now"));
        assertEquals("unknown command: frobnicate (type help for the list)\n", output.err.toString());
    }

    @Test
    void unknownCommandsGetTheNearestCommandOrStatement() {
        for (String[] typed : new String[][] {{"ad", "add"}, {"spdad", "spdadd"}, {"ADD", "add"}, {"dmup", "dump"},
                {"sysclt", "sysctl"}, {"Sleep", "sleep"}, {"hlep", "help"}, {"spdflsh", "spdflush"}}) {
            output.err.setLength(0);
            assertEquals(Outcome.FAILED, interpreter.accept(typed[0] + " 10.0.0.1"), typed[0]);
            assertEquals("unknown command: " + typed[0] + " (did you mean '" + typed[1] + "'? type help for the list)\n",
                    output.err.toString());
        }
    }

    @Test
    void setkeyDashCIsExplained() {
        assertEquals(Outcome.FAILED, interpreter.accept("setkey -c"));
        String err = output.err.toString();
        assertTrue(err.startsWith("unknown command: setkey: this console already reads setkey statements"), err);
        assertTrue(err.contains("'scripts/jsetkey -c < FILE'"), err);
    }

    @Test
    void sysctlThroughTheRegistry() {
        assertEquals(Outcome.OK, interpreter.accept("sysctl net.inet.ipsec.esp_trans_deflev=2"));
        assertEquals("net.inet.ipsec.esp_trans_deflev: 1 -> 2\n", output.out.toString());
        assertEquals(2, sysctl.getInt("net.inet.ipsec.esp_trans_deflev"));
        assertEquals(Outcome.FAILED, interpreter.accept("sysctl net.inet.ipsec.nosuch"));
        assertEquals("sysctl: unknown oid 'net.inet.ipsec.nosuch'\n", output.err.toString());
    }

    @Test
    void echoJoinsWordsAndKeepsQuotedBlanks() {
        assertEquals(Outcome.OK, interpreter.accept("echo hello   \"big  world\""));
        assertEquals("hello big  world\n", output.out.toString());
    }

    @Test
    void sleepTakesAnyNonNegativeNumberAndAnInterruptEndsIt() throws Exception {
        long start = System.nanoTime();
        assertEquals(Outcome.OK, interpreter.accept("sleep 0.05"));
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        assertEquals(Outcome.FAILED, interpreter.accept("sleep -1"));
        assertEquals(Outcome.FAILED, interpreter.accept("sleep soon"));
        assertEquals(Outcome.FAILED, interpreter.accept("sleep"));
        assertEquals("sleep: -1: negative (expected: seconds, 0 or more)\n"
                + "sleep: soon: not a number (expected: seconds, 0 or more)\n"
                + "usage: sleep SECONDS\n", output.err.toString());
        output.err.setLength(0);
        Outcome[] outcome = new Outcome[1];
        Thread t = new Thread(() -> outcome[0] = interpreter.accept("sleep 3600"));
        t.start();
        Thread.sleep(300);
        assertTrue(t.isAlive(), "sleep 3600 is accepted and waits");
        t.interrupt();
        t.join(5000);
        assertEquals(Outcome.FAILED, outcome[0]);
        assertEquals("sleep: interrupted\n", output.err.toString());
    }

    @Test
    void exitAndQuitLeave() {
        assertEquals(Outcome.EXIT, interpreter.accept("exit"));
        assertEquals(Outcome.EXIT, interpreter.accept("quit"));
    }

    @Test
    void blankLinesAndCommentsDoNothing() {
        assertEquals(Outcome.OK, interpreter.accept("   "));
        assertEquals(Outcome.OK, interpreter.accept("# a comment"));
        assertEquals("", output.out.toString() + output.err);
    }

    @Test
    void statementOverSeveralLinesRunsAtTheSemicolon() {
        assertEquals(Outcome.PENDING, interpreter.accept("add 10.0.0.1 10.0.0.2 esp 1000"));
        assertTrue(interpreter.pending());
        assertEquals(Outcome.PENDING, interpreter.accept("   -E null"));
        assertEquals(Outcome.OK, interpreter.accept("   ;"));
        assertFalse(interpreter.pending());
        assertEquals(List.of("add 10.0.0.1 10.0.0.2 esp 1000\n   -E null\n   ;"), setkey.sources);
    }

    @Test
    void severalStatementsOnOneLineGoTogether() {
        assertEquals(Outcome.OK, interpreter.accept("flush; spdflush;"));
        assertEquals(List.of("flush; spdflush;"), setkey.sources);
    }

    @Test
    void diagnosticsCarryTheSessionLineNumberAndACaret() {
        interpreter.accept("echo one");
        interpreter.accept("echo two");
        assertEquals(Outcome.FAILED, interpreter.accept("add bad;"));
        assertEquals("<stdin>:3:5: syntax error at [bad]\nadd bad;\n    ^~~\n", output.err.toString());
    }

    @Test
    void needsMoreOnlyForUnclosedStatements() {
        assertTrue(interpreter.needsMore("spdadd 10.0.0.1 10.0.0.2 any"));
        for (String done : List.of("spdadd 10.0.0.1 10.0.0.2 any -P out none;", "echo no semicolon", "dump esp",
                "nosuch")) {
            assertFalse(interpreter.needsMore(done), done);
        }
    }

    @Test
    void bareDumpAndSpddumpAreCompletedWithTheSemicolon() {
        assertEquals(Outcome.OK, interpreter.accept("dump esp"));
        assertEquals(Outcome.OK, interpreter.accept("spddump"));
        assertEquals(Outcome.OK, interpreter.accept("dump;"));
        // the third is a statement typed on line 3: two newlines put it there for the language
        assertEquals(List.of("dump esp;", "spddump;", "\n\ndump;"), setkey.sources);
    }

    @Test
    void cancelDropsTheOpenStatement() {
        interpreter.accept("add 10.0.0.1");
        interpreter.cancelPending();
        assertEquals(Outcome.OK, interpreter.accept("echo fresh"));
        assertTrue(setkey.sources.isEmpty());
    }

    @Test
    void anInternalErrorIsOneLineUnlessDebugIsOn() {
        SetkeyLanguage broken = new SetkeyLanguage() {
            @Override
            public boolean isComplete(String text) {
                return true;
            }

            @Override
            public SetkeyResult run(String source, String fileName, SetkeyListener listener) {
                throw new IllegalStateException("engine broke");
            }

            @Override
            public String config() {
                throw new IllegalStateException("engine broke");
            }
        };
        Session session = new Session();
        Interpreter i = Interpreter.create(sysctl, broken, session, output);
        assertEquals(Outcome.FAILED, i.accept("flush;"));
        assertEquals("error: engine broke (set debug on for the stack trace)\n", output.err.toString());
        assertTrue(session.lastException() instanceof IllegalStateException);
        output.err.setLength(0);
        assertEquals(Outcome.OK, i.accept("set debug on"));
        assertEquals(Outcome.FAILED, i.accept("flush;"));
        assertTrue(output.err.toString().startsWith("java.lang.IllegalStateException: engine broke\n\tat "));
    }

    @Test
    void setDebugValidatesItsArgument() {
        assertEquals(Outcome.FAILED, interpreter.accept("set debug maybe"));
        assertEquals(Outcome.FAILED, interpreter.accept("set colour on"));
        assertEquals(Outcome.OK, interpreter.accept("set"));
        assertEquals("debug off\nnotices on\nhistory-keys off\n", output.out.toString());
        assertEquals("set debug: maybe (expected: on, off)\n"
                + "set: unknown setting 'colour' (expected: debug, notices, history-keys)\n", output.err.toString());
        output.out.setLength(0);
        assertEquals(Outcome.OK, interpreter.accept("set history-keys on"));
        assertEquals(Outcome.OK, interpreter.accept("set"));
        assertEquals("debug off\nnotices on\nhistory-keys on\n", output.out.toString());
    }
}
