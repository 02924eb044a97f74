package org.jsetkey.engine.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsetkey.engine.picture.PictureLayout.Block;
import org.jsetkey.engine.picture.PictureLayout.Cell;
import org.jsetkey.engine.picture.PictureLayout.Row;

/**
 * The picture as lines of text: RFC-style 32-bit rows (two characters per bit, field name over
 * value), the span letters beside each row, the header names beside those, then a legend and the
 * notes. Each line is a list of {@link Segment}s saying what they show, so a terminal can colour
 * them; {@link #plain} joins them with no escape codes.
 */
public final class TextPicture {
    /** Columns of the offset, the frame and the space before the marks. */
    private static final int OFFSET_WIDTH = 8;
    private static final int FRAME_WIDTH = PictureLayout.ROW_BITS * 2 + 1;

    /** What a run of characters shows. */
    public enum Role { TITLE, RULER, FRAME, NAME, VALUE, MARK, LABEL, LEGEND, NOTE }

    /**
     * A run of characters.
     *
     * @param tint   the span it belongs to (a cell's innermost span, a mark's kind), or null
     * @param zeroed a field AH zeroes for its ICV
     */
    public record Segment(String text, Role role, SpanKind tint, boolean zeroed) {
        static Segment of(String text, Role role) {
            return new Segment(text, role, null, false);
        }
    }

    private TextPicture() {
    }

    /** The picture's lines; with {@code width} below what the labels beside the rows need, they go on the rule lines. */
    public static List<List<Segment>> lines(PacketPicture p, int width) {
        List<List<Segment>> out = new ArrayList<>();
        List<Block> blocks = PictureLayout.of(p);
        for (Block b : blocks) {
            boolean beside = width >= besideWidth(b);
            out.add(List.of(Segment.of(b.title(), Role.TITLE)));
            out.add(List.of(Segment.of(pad("", OFFSET_WIDTH) + tens(), Role.RULER)));
            out.add(List.of(Segment.of(pad("", OFFSET_WIDTH) + units(), Role.RULER)));
            Row previous = null;
            for (Row r : b.rows()) {
                out.add(rule(previous, r, b, beside));
                out.add(cellLine(r, true, b, beside));
                out.add(cellLine(r, false, b, beside));
                previous = r;
            }
            out.add(rule(previous, null, b, beside));
            out.add(List.of());
        }
        legend(p, out);
        return out;
    }

    /** The picture as text without escape codes, lines ending in newlines. */
    public static String plain(PacketPicture p, int width) {
        return join(lines(p, width));
    }

    /** Lines of segments as text without escape codes, each ending in a newline. */
    public static String join(List<List<Segment>> lines) {
        StringBuilder sb = new StringBuilder();
        for (List<Segment> line : lines) {
            StringBuilder l = new StringBuilder();
            for (Segment s : line) {
                l.append(s.text());
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The width the widest line takes with labels beside the rows. */
    private static int besideWidth(Block b) {
        int label = 0;
        for (Row r : b.rows()) {
            label = Math.max(label, r.label().length());
        }
        return OFFSET_WIDTH + FRAME_WIDTH + 2 + b.kinds().size() + 2 + label;
    }

    private static String tens() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < PictureLayout.ROW_BITS; i++) {
            sb.append(i % 10 == 0 ? Integer.toString(i / 10) : " ").append(' ');
        }
        return " " + sb.toString().stripTrailing();
    }

    private static String units() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < PictureLayout.ROW_BITS; i++) {
            sb.append(i % 10).append(' ');
        }
        return " " + sb.toString().stripTrailing();
    }

    /** The line between two rows: {@code +} where a cell of either row begins or ends. */
    private static List<Segment> rule(Row above, Row below, Block b, boolean beside) {
        char[] line = new char[FRAME_WIDTH];
        java.util.Arrays.fill(line, '-');
        line[0] = '+';
        line[FRAME_WIDTH - 1] = '+';
        for (Row r : new Row[] {above, below}) {
            if (r != null) {
                for (Cell c : r.cells()) {
                    line[c.fromBit() * 2] = '+';
                    line[c.toBit() * 2] = '+';
                }
            }
        }
        List<Segment> out = new ArrayList<>();
        out.add(Segment.of(pad("", OFFSET_WIDTH), Role.FRAME));
        String text = new String(line);
        if (!beside && below != null && !below.label().isEmpty()) {
            String tag = " " + below.label() + " ";
            int at = 2;
            if (tag.length() + at < FRAME_WIDTH - 1) {
                out.add(Segment.of(text.substring(0, at), Role.FRAME));
                out.add(Segment.of(tag, Role.LABEL));
                out.add(Segment.of(text.substring(at + tag.length()), Role.FRAME));
                return out;
            }
        }
        out.add(Segment.of(text, Role.FRAME));
        return out;
    }

    private static List<Segment> cellLine(Row r, boolean names, Block b, boolean beside) {
        List<Segment> out = new ArrayList<>();
        out.add(Segment.of(pad(names ? r.offsetText() : "", OFFSET_WIDTH - 1, true) + " ", Role.FRAME));
        out.add(Segment.of("|", Role.FRAME));
        int bit = 0;
        for (Cell c : r.cells()) {
            if (c.fromBit() > bit) {
                out.add(Segment.of(pad("", (c.fromBit() - bit) * 2 - 1) + "|", Role.FRAME));
            }
            String text = center(names ? c.name() : c.value(), c.width());
            out.add(new Segment(text, names ? Role.NAME : Role.VALUE, c.tint(), c.zeroed()));
            out.add(Segment.of("|", Role.FRAME));
            bit = c.toBit();
        }
        if (bit < PictureLayout.ROW_BITS) {
            out.add(Segment.of(pad("", (PictureLayout.ROW_BITS - bit) * 2 - 1) + "|", Role.FRAME));
        }
        out.add(Segment.of("  ", Role.FRAME));
        for (int i = 0; i < b.kinds().size(); i++) {
            char m = r.marks().charAt(i);
            out.add(new Segment(Character.toString(m), Role.MARK, m == ' ' ? null : b.kinds().get(i), false));
        }
        if (beside && names && !r.label().isEmpty()) {
            out.add(Segment.of("  " + r.label(), Role.LABEL));
        }
        return out;
    }

    private static void legend(PacketPicture p, List<List<Segment>> out) {
        Set<SpanKind> kinds = PictureLayout.kinds(p);
        for (SpanKind k : kinds) {
            out.add(List.of(new Segment(Character.toString(k.letter()), Role.MARK, k, false),
                    Segment.of("  " + k.meaning(), Role.LEGEND)));
        }
        if (!kinds.isEmpty()) {
            out.add(List.of(Segment.of("   (a lower-case letter: the span covers part of the row)", Role.LEGEND)));
        }
        if (PictureLayout.anyZeroed(p)) {
            out.add(List.of(new Segment("[ ]", Role.VALUE, null, true),
                    Segment.of(" a value in brackets is zeroed while the AH ICV is computed: a mutable field"
                            + " (RFC 4302 3.3.3.1) or the ICV",
                            Role.LEGEND)));
        }
        for (String n : p.notes()) {
            out.add(List.of(Segment.of(n, Role.NOTE)));
        }
    }

    static String center(String s, int width) {
        int left = (width - s.length()) / 2;
        return pad(pad("", left) + s, width);
    }

    private static String pad(String s, int width) {
        return pad(s, width, false);
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
