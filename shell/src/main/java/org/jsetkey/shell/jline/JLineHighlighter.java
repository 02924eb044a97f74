package org.jsetkey.shell.jline;

import java.util.List;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jsetkey.shell.complete.Highlighting;

/** Paints the line being edited with the {@link Highlighting} spans; the first error is underlined in red. */
final class JLineHighlighter implements Highlighter {
    private final Highlighting highlighting;

    JLineHighlighter(Highlighting highlighting) {
        this.highlighting = highlighting;
    }

    /** Past this many characters the line is shown plain: painting relexes it at every keystroke of a paste. */
    static final int MAX_LENGTH = 2000;

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        // an empty line has nothing to colour: the prompt is drawn without first setting up the grammar
        if (buffer.isEmpty() || buffer.length() > MAX_LENGTH) {
            return new AttributedString(buffer);
        }
        AttributedStyle[] styles = new AttributedStyle[buffer.length()];
        List<Highlighting.Span> spans;
        try {
            spans = highlighting.spans(buffer);
        } catch (RuntimeException e) {
            return new AttributedString(buffer); // colours are a nicety: never break editing
        }
        for (Highlighting.Span s : spans) {
            for (int i = Math.max(0, s.start()); i < Math.min(buffer.length(), s.end()); i++) {
                styles[i] = style(s.role());
            }
        }
        AttributedStringBuilder sb = new AttributedStringBuilder(buffer.length());
        for (int i = 0; i < buffer.length(); i++) {
            sb.style(styles[i] == null ? AttributedStyle.DEFAULT : styles[i]);
            sb.append(buffer.charAt(i));
        }
        return sb.toAttributedString();
    }

    static AttributedStyle style(Highlighting.Role role) {
        switch (role) {
            case KEYWORD:
                return AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
            case OPTION:
                return AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
            case ADDRESS:
                return AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case NUMBER:
                return AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            case KEY:
                return AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case COMMENT:
                return AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
            default:
                return AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
        }
    }
}
