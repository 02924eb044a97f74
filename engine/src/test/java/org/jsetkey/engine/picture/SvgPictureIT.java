package org.jsetkey.engine.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG export as Debian's rsvg-convert (librsvg2-bin) sees it: it renders to a PNG with nothing
 * on stderr, and its field text nodes are the words of the text picture's cells, one for one.
 */
class SvgPictureIT {
    private static final Path RSVG = Path.of("/usr/bin/rsvg-convert");

    @TempDir
    Path dir;

    @Test
    void everyStoredPacketRendersWithoutWarningsAndSaysWhatTheTextSays() throws Exception {
        if (!Files.isExecutable(RSVG)) {
            fail(RSVG + " is not installed; install it with: apt-get install -y librsvg2-bin");
        }
        int n = 0;
        for (String[] v : new String[][] {{"/vectors/freebsd-howto", "/vectors/freebsd-howto"},
                {"/vectors/aes-gcm", "/vectors/aes-gcm"}, {"/vectors/tunnel-esp", "/vectors/tunnel-esp"},
                {"/pictures/lab", "/pictures/lab"}}) {
            PictureLab lab = new PictureLab().load(v[0] + ".conf");
            for (byte[] packet : PictureLab.pcap(v[1] + ".pcap")) {
                PacketPicture p = lab.builder.draw(packet);
                Path svg = dir.resolve("p" + (++n) + ".svg");
                Files.writeString(svg, SvgPicture.render(p));
                Path png = dir.resolve("p" + n + ".png");
                render(svg, png);
                byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, svg + " as PNG");
                assertEquals(textCells(TextPicture.plain(p, 200)), svgCells(Files.readAllBytes(svg)), v[1] + " packet " + n);
            }
        }
        if (System.getProperty("pictures.png") != null) {
            Files.copy(dir.resolve("p1.png"), Path.of(System.getProperty("pictures.png")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void render(Path svg, Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(RSVG.toString(), "-o", png.toString(), svg.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "rsvg-convert did not finish");
        assertEquals(0, p.exitValue(), "rsvg-convert failed: " + new String(err, StandardCharsets.UTF_8));
        assertEquals("", new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8),
                "rsvg-convert printed something for " + svg);
        assertTrue(Files.size(png) > 1000, "a PNG with something in it");
    }

    /** The words between the bars of the text picture's rows, sorted. */
    private static List<String> textCells(String text) {
        List<String> cells = new ArrayList<>();
        for (String line : text.split("\n")) {
            int first = line.indexOf('|');
            int last = line.lastIndexOf('|');
            if (first < 0 || last <= first) {
                continue;
            }
            for (String c : line.substring(first + 1, last).split("\\|")) {
                if (!c.isBlank()) {
                    cells.add(c.strip());
                }
            }
        }
        Collections.sort(cells);
        return cells;
    }

    /** The text nodes of the SVG's field names and values, sorted (the SVG must be well-formed XML). */
    private static List<String> svgCells(byte[] svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        NodeList texts = doc.getElementsByTagName("text");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            String cls = t.getAttribute("class");
            if ((cls.equals("name") || cls.equals("value")) && !t.getTextContent().isBlank()) {
                cells.add(t.getTextContent().strip());
            }
        }
        Collections.sort(cells);
        return cells;
    }
}
