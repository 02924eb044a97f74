package org.jsetkey.engine.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text picture of each stored packet against a checked-in expected picture, line by line.
 * With -Dpictures.write=true the expected files are written instead (then read them before committing).
 */
class PictureGoldenTest {
    private static final Path EXPECTED = Path.of("src/test/resources/pictures");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "freebsd-howto, /vectors/freebsd-howto.conf, /vectors/freebsd-howto.pcap",
            "aes-cbc-sha256, /vectors/aes-cbc-sha256.conf, /vectors/aes-cbc-sha256.pcap",
            "aes-gcm, /vectors/aes-gcm.conf, /vectors/aes-gcm.pcap",
            "tunnel-esp, /vectors/tunnel-esp.conf, /vectors/tunnel-esp.pcap",
            "lab-combinations, /pictures/lab.conf, /pictures/lab.pcap",
    })
    void pictureOfEveryPacketMatchesTheExpectedOne(String name, String conf, String pcap) throws IOException {
        PictureLab lab = new PictureLab().load(conf);
        StringBuilder actual = new StringBuilder();
        int n = 0;
        for (byte[] packet : PictureLab.pcap(pcap)) {
            actual.append("== packet ").append(++n).append(" of ").append(pcap).append('\n');
            actual.append(TextPicture.plain(lab.builder.draw(packet), 200));
        }
        Path file = EXPECTED.resolve(name + ".txt");
        if (Boolean.getBoolean("pictures.write")) {
            Files.writeString(file, actual);
        }
        String[] want = Files.readString(file).split("\n", -1);
        String[] got = actual.toString().split("\n", -1);
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            assertEquals(want[i], got[i], file + " line " + (i + 1));
        }
        assertEquals(want.length, got.length, file + ": number of lines");
    }

    @Test
    void readmeShowsTheHowtoPacketAsItIsDrawnToday() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String marker = "<!-- picture: freebsd-howto.pcap 1, width 100 (PictureGoldenTest checks it) -->\n```\n";
        int from = readme.indexOf(marker);
        assertEquals(true, from >= 0, "README.md has the how-to picture");
        from += marker.length();
        String shown = readme.substring(from, readme.indexOf("```", from));
        PictureLab lab = new PictureLab().load("/vectors/freebsd-howto.conf");
        assertEquals(TextPicture.plain(lab.builder.draw(PictureLab.pcap("/vectors/freebsd-howto.pcap").get(0)), 100),
                shown);
    }
}
