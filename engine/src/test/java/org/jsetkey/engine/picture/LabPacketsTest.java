package org.jsetkey.engine.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** lab.pcap is what LabPackets makes today (IVs from a seeded source): a change to sealing shows here. */
class LabPacketsTest {
    @Test
    void storedLabPacketsAreWhatJsetkeySealsToday() throws Exception {
        if (Boolean.getBoolean("pictures.write")) {
            new LabPackets().write(Path.of("src/test/resources/pictures/lab.pcap"));
        }
        List<byte[]> stored = PictureLab.pcap("/pictures/lab.pcap");
        List<byte[]> made = new LabPackets().packets();
        assertEquals(made.size(), stored.size());
        for (int i = 0; i < made.size(); i++) {
            assertEquals(java.util.HexFormat.of().formatHex(made.get(i)),
                    java.util.HexFormat.of().formatHex(stored.get(i)), "packet " + (i + 1));
        }
    }
}
