package org.jsetkey.engine.picture;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A cut or damaged packet is drawn as far as it goes, with a note: never an exception. */
class PictureFuzzTest {
    @Test
    void truncatedAndDamagedPacketsAreDrawnWithoutThrowing() {
        PictureLab lab = new PictureLab().load("/pictures/lab.conf").setkey(PictureLab.text("/vectors/freebsd-howto.conf")
                .replace("spdflush;", "").replace("flush;", ""));
        List<byte[]> packets = new ArrayList<>(PictureLab.pcap("/pictures/lab.pcap"));
        packets.addAll(PictureLab.pcap("/vectors/freebsd-howto.pcap"));
        Random random = new Random(21);
        int drawn = 0;
        for (byte[] p : packets) {
            for (int len = 0; len <= p.length; len++) {
                drawn += draw(lab, Arrays.copyOf(p, len));
            }
            for (int i = 0; i < 300; i++) {
                byte[] q = p.clone();
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    q[random.nextInt(q.length)] = (byte) random.nextInt(256);
                }
                drawn += draw(lab, q);
            }
        }
        assertFalse(drawn == 0);
    }

    private static int draw(PictureLab lab, byte[] packet) {
        PacketPicture p = lab.builder.draw(packet);
        String text = TextPicture.plain(p, 120);
        SvgPicture.render(p);
        TextPicture.plain(p, 60);
        return text.isEmpty() ? 0 : 1;
    }
}
