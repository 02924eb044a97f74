package org.jsetkey.shell.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsetkey.shell.command.Command;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.Usage;
import org.junit.jupiter.api.Test;

class HighlightingTest {
    private final CommandRegistry registry = new CommandRegistry();
    private final Highlighting highlighting = new Highlighting(registry);

    /** The role of the span covering {@code word} in {@code line} (the last span wins, as when painting). */
    private Highlighting.Role roleOf(String line, String word) {
        int at = line.indexOf(word);
        Highlighting.Role role = null;
        for (Highlighting.Span s : highlighting.spans(line)) {
            if (s.start() <= at && at < s.end()) {
                role = s.role();
            }
        }
        return role;
    }

    @Test
    void setkeyWordsGetTheirRoles() {
        String line = "add 2001:db8::2 2001:db8::1 esp 0x3d55 -E blowfish-cbc 0x0123456789abcdef; # phoenix";
        assertEquals(Highlighting.Role.KEYWORD, roleOf(line, "add"));
        assertEquals(Highlighting.Role.ADDRESS, roleOf(line, "2001:db8::2"));
        assertEquals(Highlighting.Role.ADDRESS, roleOf(line, "2001:db8::1"));
        assertEquals(Highlighting.Role.NUMBER, roleOf(line, "0x3d55"));
        assertEquals(Highlighting.Role.OPTION, roleOf(line, "-E"));
        assertEquals(Highlighting.Role.KEYWORD, roleOf(line, "blowfish-cbc"));
        assertEquals(Highlighting.Role.KEY, roleOf(line, "0x0123456789abcdef"));
        assertEquals(Highlighting.Role.COMMENT, roleOf(line, "# phoenix"));
        String mixed = "add 192.0.2.10 2001:db8::1 esp 300 -E null;";
        assertEquals(Highlighting.Role.ERROR, roleOf(mixed, "2001:db8::1"), "families differ");
        assertEquals(Highlighting.Role.KEY, roleOf("add 1.2.3.4 5.6.7.8 ah 300 -A hmac-md5 \"1234567890123456\"", "\"1234"));
    }

    @Test
    void firstSyntaxErrorIsMarkedWithItsMessage() {
        String line = "add 192.0.2.10 198.51.100.20 ah 15700 -A blowfish";
        List<Highlighting.Span> spans = highlighting.spans(line);
        Highlighting.Span last = spans.get(spans.size() - 1);
        assertEquals(Highlighting.Role.ERROR, last.role());
        assertEquals(line.indexOf("blowfish"), last.start());
        assertEquals(line.length(), last.end());
        assertTrue(last.message().contains("blowfish"), last.message());
        assertTrue(highlighting.spans("add 192.0.2.10 198.51.100.20 ah 15700 -A hmac-").stream()
                .noneMatch(s -> s.role() == Highlighting.Role.ERROR));
    }

    @Test
    void commandLinesShowOptionsNumbersAndUnknownCommands() {
        registry.register(new Command() {
            @Override
            public Usage usage() {
                return new Usage("ping", "ping [-c N] DEST", "");
            }

            @Override
            public boolean execute(List<String> args, CommandOutput output) {
                return true;
            }
        });
        String line = "ping -c 3 198.51.100.20";
        assertEquals(Highlighting.Role.KEYWORD, roleOf(line, "ping"));
        assertEquals(Highlighting.Role.OPTION, roleOf(line, "-c"));
        assertEquals(Highlighting.Role.NUMBER, roleOf(line, "3"));
        assertEquals(Highlighting.Role.ADDRESS, roleOf(line, "198.51.100.20"));
        assertEquals(Highlighting.Role.ERROR, roleOf("pong 1.2.3.4", "pong"));
        assertEquals(null, roleOf("pon", "pon"), "a first word still being typed is not an error");
    }
}
