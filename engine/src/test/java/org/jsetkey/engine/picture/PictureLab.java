package org.jsetkey.engine.picture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jsetkey.engine.link.PcapReader;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.stack.Host;

/** A host loaded with a setkey file from the test resources, and the stored packets to draw. */
final class PictureLab {
    final Host host = new Host("lab", Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    final PictureBuilder builder = new PictureBuilder(host);

    PictureLab load(String resource) {
        return setkey(text(resource));
    }

    PictureLab setkey(String statements) {
        List<Diagnostic> problems = new ArrayList<>();
        new Setkey(host.sad(), host.spd(), 1).run(statements, "lab.conf", new SetkeyListener() {
            @Override
            public void output(String text) {
            }

            @Override
            public void diagnostic(Diagnostic d) {
                problems.add(d);
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("setkey: " + problems);
        }
        return this;
    }

    static String text(String resource) {
        try (InputStream in = PictureLab.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packets of a pcap in the test resources. */
    static List<byte[]> pcap(String resource) {
        try (InputStream in = PictureLab.class.getResourceAsStream(resource)) {
            List<byte[]> out = new ArrayList<>();
            for (PcapReader.Record r : PcapReader.read(in.readAllBytes()).records()) {
                out.add(r.data());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A packet stored as hex, lines starting with # left out. */
    static byte[] hex(String resource) {
        StringBuilder sb = new StringBuilder();
        for (String line : text(resource).split("\n")) {
            if (!line.startsWith("#")) {
                sb.append(line.strip());
            }
        }
        return HexFormat.of().parseHex(sb.toString());
    }
}
