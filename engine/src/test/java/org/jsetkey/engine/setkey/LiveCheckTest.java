package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LiveCheckTest {
    private static void assertClean(String text) {
        Optional<LiveCheck.Problem> p = LiveCheck.firstError(text);
        assertTrue(p.isEmpty(), text + " -> " + p);
    }

    private static LiveCheck.Problem problem(String text) {
        return LiveCheck.firstError(text).orElseThrow(() -> new AssertionError("no error found in: " + text));
    }

    @Test
    void unfinishedStatementsAreNotErrors() {
        assertClean("");
        assertClean("ad");
        assertClean("add 192.0.2.10 198.51.100.20 ah 15700 -A hm");
        assertClean("add 192.0.2.10 198.51.1");
        assertClean("add 192.0.2.10 198.51.100.20 esp 15700 -E aes-cbc \"0123");
        assertClean("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//req");
        assertClean("add 192.0.2.10 198.51.100.20 esp 15700 -l");
        assertClean("add 1.2.3.4 5.6.7.8 esp 300 -E null;\nget 1.2");
    }

    /** The problem in {@code text} is marked on {@code word}, its first place. */
    private static LiveCheck.Problem assertMarks(String text, String word) {
        LiveCheck.Problem p = problem(text);
        assertEquals(text.indexOf(word), p.offset());
        assertEquals(word.length(), p.length());
        return p;
    }

    @Test
    void wrongAddressIsMarkedAtItsToken() {
        String text = "add 192.0.2.10 foo esp 1000 ";
        assertEquals("invalid address \"foo\"", assertMarks(text, "foo").message());
    }

    @Test
    void unfinishedWordMatchingNoAlgorithmIsMarked() {
        String text = "add 192.0.2.10 198.51.100.20 ah 15700 -A blow";
        assertMarks(text, "blow");
    }

    @Test
    void algorithmOfTheWrongProtocolIsMarkedOnceTyped() {
        String text = "add 192.0.2.10 198.51.100.20 ah 15700 -E aes-cbc ";
        LiveCheck.Problem p = problem(text);
        assertEquals(text.indexOf("-E"), p.offset());
    }

    @Test
    void errorInAnEarlierStatementComesFirst() {
        String text = "flush bogus; add 1.2.3.4 foo ";
        assertEquals(text.indexOf("bogus"), problem(text).offset());
    }

    @Test
    void lexicalErrorIsMarkedWithTheLexerMessage() {
        String text = "add 1.2.3.4 5.6.7.8 esp 300 -Q x";
        LiveCheck.Problem p = problem(text);
        assertEquals(text.indexOf("-Q"), p.offset());
        assertEquals("unknown option \"-Q\"", p.message());
    }

    @Test
    void completeStatementsAndCommentsAreClean() {
        assertClean("add 1.2.3.4 5.6.7.8 esp 300 -E null; # a comment\n");
        assertClean("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require;");
    }
}
