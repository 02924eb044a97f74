package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroovyInputTest {
    @Test
    void openBracesParenthesesAndBracketsNeedMore() {
        assertTrue(GroovyInput.unfinished("def f = {"));
        assertTrue(GroovyInput.unfinished("ping('192.0.2.1',"));
        assertTrue(GroovyInput.unfinished("[1,\n2"));
        assertFalse(GroovyInput.unfinished("def f = { it }"));
    }

    @Test
    void bracketsInsideStringsAndCommentsDoNotCount() {
        assertFalse(GroovyInput.unfinished("println '{ ('"));
        assertFalse(GroovyInput.unfinished("println \"a\\\" {\""));
        assertFalse(GroovyInput.unfinished("1 // {"));
        assertTrue(GroovyInput.unfinished("x = '''open"));
        assertFalse(GroovyInput.unfinished("x = '''{\n'''"));
    }

    @Test
    void trailingBackslashContinues() {
        assertTrue(GroovyInput.unfinished("x = 1 + \\"));
    }
}
