package org.jsetkey.engine.picture;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsetkey.engine.picture.PictureLayout.Block;
import org.jsetkey.engine.picture.PictureLayout.Cell;
import org.jsetkey.engine.picture.PictureLayout.Row;

/**
 * The picture as a standalone SVG 1.1 document for slides and documents: the same rows, cells,
 * words and span letters as {@link TextPicture} (both draw {@link PictureLayout}), with each cell
 * filled in the colour of its innermost span and mutable fields in red.
 */
public final class SvgPicture {
    private static final int CHAR = 8;
    private static final int LINE = 16;
    private static final int ROW = 2 * LINE + 4;
    private static final int LEFT = 8 * CHAR;
    private static final int FRAME = PictureLayout.ROW_BITS * 2 * CHAR;

    private SvgPicture() {
    }

    /** The colour a span kind fills its cells and mark with. */
    public static String colour(SpanKind k) {
        switch (k) {
            case AH_ICV:
                return "#c8e6c9";
            case ESP_ICV:
                return "#bbdefb";
            case ENCRYPTED:
                return "#ffe082";
            case COMPRESSED:
                return "#e1bee7";
            default:
                return "#e0e0e0";
        }
    }

    public static String render(PacketPicture p) {
        List<Block> blocks = PictureLayout.of(p);
        StringBuilder body = new StringBuilder();
        int y = LINE;
        int width = LEFT + FRAME + 40 * CHAR;
        for (Block b : blocks) {
            text(body, 0, y, b.title(), "title", "start", null);
            y += LINE;
            for (int bit = 0; bit < PictureLayout.ROW_BITS; bit++) {
                text(body, LEFT + bit * 2 * CHAR + CHAR, y, Integer.toString(bit % 10), "ruler", "middle", null);
            }
            y += 6;
            for (Row r : b.rows()) {
                row(body, b, r, y);
                y += ROW;
            }
            y += LINE;
        }
        y = legend(body, p, y);
        String head = String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"12\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
                width, y, width, y, width, y);
        return head + body + "</svg>\n";
    }

    private static void row(StringBuilder out, Block b, Row r, int y) {
        text(out, LEFT - CHAR, y + LINE, r.offsetText(), "offset", "end", null);
        int bit = 0;
        for (Cell c : r.cells()) {
            if (c.fromBit() > bit) {
                rect(out, LEFT + bit * 2 * CHAR, y, (c.fromBit() - bit) * 2 * CHAR, ROW, "#ffffff");
            }
            int x = LEFT + c.fromBit() * 2 * CHAR;
            int w = (c.toBit() - c.fromBit()) * 2 * CHAR;
            rect(out, x, y, w, ROW, c.tint() == null ? "#ffffff" : colour(c.tint()));
            String fill = c.zeroed() ? "#c62828" : null;
            text(out, x + w / 2, y + LINE - 2, c.name(), "name", "middle", fill);
            text(out, x + w / 2, y + 2 * LINE - 2, c.value(), "value", "middle", fill);
            bit = c.toBit();
        }
        if (bit < PictureLayout.ROW_BITS) {
            rect(out, LEFT + bit * 2 * CHAR, y, (PictureLayout.ROW_BITS - bit) * 2 * CHAR, ROW, "#ffffff");
        }
        int x = LEFT + FRAME + CHAR;
        for (int i = 0; i < b.kinds().size(); i++) {
            char m = r.marks().charAt(i);
            if (m != ' ') {
                rect(out, x, y, 2 * CHAR, ROW, colour(b.kinds().get(i)));
                text(out, x + CHAR, y + LINE + 4, Character.toString(m), "mark", "middle", null);
            }
            x += 2 * CHAR + 2;
        }
        if (!r.label().isEmpty()) {
            text(out, x + CHAR, y + LINE + 4, r.label(), "label", "start", null);
        }
    }

    private static int legend(StringBuilder out, PacketPicture p, int y) {
        Set<SpanKind> kinds = PictureLayout.kinds(p);
        for (SpanKind k : kinds) {
            rect(out, 0, y, 2 * CHAR, LINE, colour(k));
            text(out, CHAR, y + LINE - 4, Character.toString(k.letter()), "mark", "middle", null);
            text(out, 3 * CHAR, y + LINE - 4, k.meaning(), "legend", "start", null);
            y += LINE + 4;
        }
        if (PictureLayout.anyZeroed(p)) {
            text(out, CHAR, y + LINE - 4, "[ ]", "legend", "start", "#c62828");
            text(out, 5 * CHAR, y + LINE - 4, "a value in brackets (red) is zeroed while the AH ICV is computed",
                    "legend", "start", null);
            y += LINE + 4;
        }
        for (String n : p.notes()) {
            text(out, 0, y + LINE - 4, n, "note", "start", null);
            y += LINE;
        }
        return y + LINE;
    }

    private static void rect(StringBuilder out, int x, int y, int w, int h, String fill) {
        out.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#000000\"/>\n",
                x, y, w, h, fill));
    }

    private static void text(StringBuilder out, int x, int y, String s, String cls, String anchor, String fill) {
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"%s\" text-anchor=\"%s\"%s>", x, y, cls,
                anchor, fill == null ? "" : " fill=\"" + fill + "\""));
        out.append(escape(s)).append("</text>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
