package org.jsetkey.shell.jline;

import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jsetkey.engine.picture.SpanKind;
import org.jsetkey.engine.picture.TextPicture;

/** A packet picture in a terminal's colours: each cell on its span's background, zeroed values in red. */
final class PictureStyle {
    private PictureStyle() {
    }

    static String ansi(List<List<TextPicture.Segment>> lines, Terminal terminal) {
        StringBuilder out = new StringBuilder();
        for (List<TextPicture.Segment> line : lines) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            for (TextPicture.Segment s : line) {
                sb.styled(style(s), s.text());
            }
            out.append(sb.toAnsi(terminal)).append('\n');
        }
        return out.toString();
    }

    private static AttributedStyle style(TextPicture.Segment s) {
        AttributedStyle st = AttributedStyle.DEFAULT;
        if (s.tint() != null) {
            st = st.background(colour(s.tint())).foreground(AttributedStyle.BLACK);
        }
        if (s.zeroed()) {
            st = st.foreground(AttributedStyle.RED).bold();
        }
        switch (s.role()) {
            case TITLE:
            case LABEL:
                return st.bold();
            case RULER:
            case FRAME:
                return st.faint();
            case NOTE:
                return st.italic();
            default:
                return st;
        }
    }

    private static int colour(SpanKind k) {
        switch (k) {
            case AH_ICV:
                return AttributedStyle.GREEN;
            case ESP_ICV:
                return AttributedStyle.CYAN;
            case ENCRYPTED:
                return AttributedStyle.YELLOW;
            case COMPRESSED:
                return AttributedStyle.MAGENTA;
            default:
                return AttributedStyle.WHITE;
        }
    }
}
