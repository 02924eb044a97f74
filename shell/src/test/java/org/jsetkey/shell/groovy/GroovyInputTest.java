package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GroovyInputTest {
    @Test
    void openBracesParenthesesAndBracketsNeedMore() {
        for (String open : List.of("def f = {", "ping('192.0.2.1',", "[1,\n2")) {
            assertTrue(GroovyInput.unfinished(open), open);
        }
        assertFalse(GroovyInput.unfinished("def f = { it }"));
    }

    @Test
    void bracketsInsideStringsAndCommentsDoNotCount() {
        for (String closed : List.of("println '{ ('", "println \"a\\\" {\"", "1 // {", "x = '''{\n'''")) {
            assertFalse(GroovyInput.unfinished(closed), closed);
        }
        assertTrue(GroovyInput.unfinished("x = '''open"));
    }

    @Test
    void trailingBackslashContinues() {
        assertTrue(GroovyInput.unfinished("x = 1 + \\"));
    }
}
