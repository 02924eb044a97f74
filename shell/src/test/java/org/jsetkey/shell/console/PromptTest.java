package org.jsetkey.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PromptTest {
    @Test
    void continuationLinesUpWithThePrimaryPrompt() {
        assertEquals(new Prompt("jsetkey> ", "       > "), Prompt.forHost(null));
        Prompt named = Prompt.forHost("cardinal");
        assertEquals("jsetkey[cardinal]> ", named.primary());
        assertEquals(named.primary().length(), named.continuation().length());
    }
}
