package org.jsetkey.shell.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jsetkey.engine.picture.Field;
import org.jsetkey.engine.picture.Header;
import org.jsetkey.engine.picture.PacketPicture;
import org.jsetkey.engine.picture.Section;
import org.jsetkey.engine.picture.Span;
import org.jsetkey.engine.picture.SpanKind;
import org.jsetkey.engine.picture.TextPicture;
import org.junit.jupiter.api.Test;

/** On a colour terminal the picture is the plain one with colours: same characters, spans as backgrounds. */
class PictureStyleTest {
    @Test
    void colouredPictureHasThePlainTextAndTheSpanColours() throws Exception {
        PacketPicture p = new PacketPicture(List.of(new Section("test", List.of(
                new Header("ESP", 0, List.of(new Field("SPI", 0, 32, "4097", false),
                        new Field("Time to Live", 32, 8, "64", true), new Field("Data", 40, 24, "3 bytes", false)))),
                List.of(new Span(SpanKind.ENCRYPTED, 4, 8)))), List.of("a note"));
        List<List<TextPicture.Segment>> lines = TextPicture.lines(p, 120);
        try (Terminal t = TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .encoding(StandardCharsets.UTF_8).build()) {
            String ansi = PictureStyle.ansi(lines, t);
            assertTrue(ansi.contains("\u001b["), "escape codes on a colour terminal");
            assertTrue(sgr(ansi, 43), "yellow background for the encrypted bytes: " + ansi);
            assertTrue(sgr(ansi, 31), "red for the zeroed field: " + ansi);
            StringBuilder stripped = new StringBuilder();
            for (String line : ansi.split("\n", -1)) {
                stripped.append(AttributedString.fromAnsi(line).toString().stripTrailing()).append('\n');
            }
            assertEquals(TextPicture.join(lines) + "\n", stripped.toString());
        }
    }

    /** Whether some SGR escape sequence in {@code ansi} sets {@code code}. */
    private static boolean sgr(String ansi, int code) {
        return java.util.regex.Pattern.compile("\u001b\\[(\\d+;)*" + code + "(;\\d+)*m").matcher(ansi).find();
    }
}
