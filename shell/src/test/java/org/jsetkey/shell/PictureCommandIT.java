package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsetkey.shell.command.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code picture}: the next packet ping sends, a packet of a capture, the SVG export, the errors. */
class PictureCommandIT {
    @TempDir
    Path dir;

    private final TwoHosts lab;
    private final LabHost phoenix;

    PictureCommandIT() throws Exception {
        lab = TwoHosts.dualStackConsole();
        phoenix = lab.phoenix;
        lab.loadHowto();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void nextDrawsTheEchoRequestPingSendsWithAhOverEsp() throws Exception {
        Path svg = dir.resolve("next.svg");
        assertEquals(Outcome.OK, phoenix.run("picture -w 120 --svg " + svg + " --next"));
        assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 2 " + TwoHosts.CARDINAL));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!phoenix.out().contains("bytes on the wire") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String out = phoenix.out();
        assertTrue(out.contains("IP packet, 132 bytes on the wire\n"), out);
        assertTrue(out.matches("(?s).*\\|  A   AH\n.*"), "AH beside its row, under the AH ICV span: " + out);
        assertTrue(out.matches("(?s).*\\| +8 \\(echo\\) +\\|.*\\|  AE\n.*"), "the echo request, decrypted: " + out);
        assertTrue(out.matches("(?s).*\\| +\\[64\\] +\\|.*"), "TTL zeroed for the AH ICV: " + out);
        assertTrue(out.contains("\nE  encrypted by ESP (RFC 4303 2), shown decrypted with the SA's key\n"), out);
        assertFalse(out.contains("\u001b"), "no escape codes outside a terminal");
        assertTrue(Files.readString(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
        Thread.sleep(200);
        int pictures = phoenix.out().split("bytes on the wire", -1).length - 1;
        assertEquals(1, pictures, "only the next packet is drawn (not the reply): " + phoenix.out());
    }

    @Test
    void drawsPacketNOfACaptureAndSaysWhatIsWrong() throws Exception {
        Path pcap = dir.resolve("trace.pcap");
        assertEquals(Outcome.OK, phoenix.run("tcpdump -c 2 -w " + pcap));
        assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 2 " + TwoHosts.CARDINAL));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.size(pcap) < 24 + 2 * (16 + 132) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        phoenix.run("tcpdump stop");
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("picture -w 120 " + pcap + " 2"));
        assertTrue(phoenix.out().matches("(?s).*\\| +0 \\(reply\\) +\\|.*"), "the echo reply: " + phoenix.out());
        assertTrue(phoenix.out().contains("AH spi 15700 (0x00003d54): ICV verified")
                || phoenix.out().contains("AH spi 24500 (0x00005fb4): ICV verified"), phoenix.out());
        phoenix.clear();
        assertEquals(Outcome.FAILED, phoenix.run("picture " + pcap + " 3"));
        assertEquals("picture: " + pcap + " holds 2 packets (expected: N from 1 to 2, got 3)\n", phoenix.err());
        phoenix.clear();
        assertEquals(Outcome.FAILED, phoenix.run("picture " + pcap + " zero"));
        assertTrue(phoenix.err().startsWith("picture: invalid packet number zero (expected: 1 or more)\n"), phoenix.err());
        phoenix.clear();
        assertEquals(Outcome.FAILED, phoenix.run("picture " + dir.resolve("none.pcap")));
        assertEquals("picture: " + dir.resolve("none.pcap") + ": No such file or directory\n", phoenix.err());
    }

    @Test
    void tcpdumpDrawsEachPacketUnderItsLine() throws Exception {
        assertEquals(Outcome.OK, phoenix.run("tcpdump -L -c 1"));
        assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 2 " + TwoHosts.CARDINAL));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!phoenix.out().contains("bytes on the wire") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String out = phoenix.out();
        assertTrue(out.matches("(?s).*IP 192\\.0\\.2\\.10 > 198\\.51\\.100\\.20: AH\\(spi=0x00003d54,seq=0x1,icv=0x[0-9a-f]{24}\\): "
                + "ESP\\(spi=0x00003d55,seq=0x1\\), length 88\nIP packet, 132 bytes on the wire\n.*"), out);
        assertTrue(out.contains("AH spi 15700 (0x00003d54): ICV verified"), out);
    }
}
