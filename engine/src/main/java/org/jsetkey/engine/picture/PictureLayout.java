package org.jsetkey.engine.picture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A section cut into 32-bit rows, as RFC diagrams draw headers: each row a list of cells (the part
 * of a field that lies in it) with the text that fits two characters per bit, the spans that cover
 * it, and the header that starts in it. Rows wholly inside one long field (an address, an ICV, data)
 * become one row. The text and SVG renderers both draw from this, so they show the same words.
 */
public final class PictureLayout {
    public static final int ROW_BITS = 32;

    /**
     * The part of a field in one row.
     *
     * @param fromBit first bit in the row (0-31)
     * @param toBit   bit after the last (1-32)
     * @param name    the field's name, fitted to the cell
     * @param value   its value, fitted ({@code [value]} when AH zeroes it); on later parts of a field {@code ...}
     * @param tint    the innermost span over the field's first byte, or null
     * @param zeroed  AH zeroes it when computing the ICV
     */
    public record Cell(int fromBit, int toBit, String name, String value, SpanKind tint, boolean zeroed) {
        public int width() {
            return (toBit - fromBit) * 2 - 1;
        }
    }

    /**
     * One drawn row.
     *
     * @param from    first byte of the section it shows
     * @param to      byte after the last (more than 4 bytes when rows were merged)
     * @param cells   its cells, left to right
     * @param marks   per span kind of the section: upper case letter when every byte is covered,
     *                lower case when some are, space when none
     * @param label   the names of the headers that start in it, or empty
     */
    public record Row(int from, int to, List<Cell> cells, String marks, String label) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String offsetText() {
            return to - from > 4 ? from + "-" + (to - 1) : Integer.toString(from);
        }
    }

    /** A section's rows and the span kinds it has (in the order of the mark columns). */
    public record Block(String title, List<SpanKind> kinds, List<Row> rows) {
        public Block {
            kinds = List.copyOf(kinds);
            rows = List.copyOf(rows);
        }
    }

    private PictureLayout() {
    }

    public static List<Block> of(PacketPicture p) {
        List<Block> blocks = new ArrayList<>();
        for (Section s : p.sections()) {
            blocks.add(block(s));
        }
        return blocks;
    }

    /** The span kinds that appear anywhere in the picture, in legend order. */
    public static Set<SpanKind> kinds(PacketPicture p) {
        Set<SpanKind> kinds = EnumSet.noneOf(SpanKind.class);
        for (Section s : p.sections()) {
            for (Span sp : s.spans()) {
                kinds.add(sp.kind());
            }
        }
        return kinds;
    }

    public static boolean anyZeroed(PacketPicture p) {
        return p.sections().stream().flatMap(s -> s.headers().stream()).flatMap(h -> h.fields().stream())
                .anyMatch(Field::zeroed);
    }

    private record Piece(Field field, Header header, int fromBit, int toBit, boolean first) {
    }

    private static Block block(Section s) {
        List<SpanKind> kinds = new ArrayList<>();
        for (SpanKind k : SpanKind.values()) {
            if (s.spans().stream().anyMatch(sp -> sp.kind() == k)) {
                kinds.add(k);
            }
        }
        int rowCount = (s.length() * 8 + ROW_BITS - 1) / ROW_BITS;
        List<List<Piece>> byRow = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            byRow.add(new ArrayList<>());
        }
        for (Header h : s.headers()) {
            for (Field f : h.fields()) {
                int from = h.offset() * 8 + f.bitOffset();
                int to = from + f.bits();
                for (int b = from; b < to; b = (b / ROW_BITS + 1) * ROW_BITS) {
                    int rowEnd = Math.min(to, (b / ROW_BITS + 1) * ROW_BITS);
                    byRow.get(b / ROW_BITS).add(new Piece(f, h, b, rowEnd, b == from));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        int r = 0;
        while (r < rowCount) {
            List<Piece> pieces = byRow.get(r);
            int last = r;
            while (last + 1 < rowCount && wholeRow(pieces) && wholeRow(byRow.get(last + 1))
                    && byRow.get(last + 1).get(0).field() == pieces.get(0).field()
                    && byRow.get(last + 1).get(0).header() == pieces.get(0).header()) {
                last++;
            }
            int from = r * 4;
            int to = Math.min((last + 1) * 4, s.length());
            rows.add(new Row(from, to, cells(s, pieces), marks(s, kinds, from, to), label(s, from, to)));
            r = last + 1;
        }
        return new Block(s.title(), kinds, rows);
    }

    private static boolean wholeRow(List<Piece> pieces) {
        return pieces.size() == 1 && pieces.get(0).toBit() - pieces.get(0).fromBit() == ROW_BITS;
    }

    private static List<Cell> cells(Section s, List<Piece> pieces) {
        List<Cell> cells = new ArrayList<>();
        for (Piece p : pieces) {
            int w = (p.toBit() - p.fromBit()) * 2 - 1;
            String name = p.field().name();
            String value = p.first() ? p.field().value() : "...";
            if (p.field().zeroed()) {
                value = "[" + value + "]";
            }
            int firstByte = p.fromBit() / 8;
            cells.add(new Cell(p.fromBit() % ROW_BITS, (p.toBit() - 1) % ROW_BITS + 1, fit(name, w), fit(value, w),
                    tint(s, firstByte), p.field().zeroed()));
        }
        return cells;
    }

    /** The innermost span over {@code offset}: the one that starts last (ties: the shorter). */
    static SpanKind tint(Section s, int offset) {
        Span best = null;
        for (Span sp : s.spans()) {
            if (sp.covers(offset) && (best == null || sp.from() > best.from()
                    || (sp.from() == best.from() && sp.to() < best.to()))) {
                best = sp;
            }
        }
        return best == null ? null : best.kind();
    }

    private static String marks(Section s, List<SpanKind> kinds, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (SpanKind k : kinds) {
            int covered = 0;
            for (int i = from; i < to; i++) {
                final int at = i;
                if (s.spans().stream().anyMatch(sp -> sp.kind() == k && sp.covers(at))) {
                    covered++;
                }
            }
            char c = k.letter();
            sb.append(covered == to - from ? c : covered > 0 ? Character.toLowerCase(c) : ' ');
        }
        return sb.toString();
    }

    private static String label(Section s, int from, int to) {
        List<String> names = new ArrayList<>();
        for (Header h : s.headers()) {
            if (h.offset() >= from && h.offset() < to) {
                names.add(h.name());
            }
        }
        return String.join(", ", names);
    }

    /** {@code text} cut to {@code width} characters (the last one a {@code ~} when cut). */
    static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return width <= 1 ? text.substring(0, Math.max(0, width)) : text.substring(0, width - 1) + "~";
    }
}
