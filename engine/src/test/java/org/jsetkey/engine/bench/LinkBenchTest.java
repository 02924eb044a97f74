package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The part's plumbing (not its speed): both hosts carry the flood and the pings, and nothing is lost. */
class LinkBenchTest {
    @Test
    void floodAndPingAreMeasuredAgainstBareSocketsWithoutLoss() throws Exception {
        List<String> progress = new ArrayList<>();
        LinkBench part = new LinkBench(new Interleaved.Timing(20, 10, 2, 3_000, 10), 20);
        List<BenchRow> rows = part.run(new BenchRun(1, progress::add));
        assertEquals(3, rows.size());
        assertEquals("esp aes-gcm-16 one-way flood, 1400 B", rows.get(0).name(), "a loss is named in the row");
        assertTrue(rows.get(0).figure().endsWith(" pkt/s") && rows.get(0).baseline().endsWith(" pkt/s bare UDP"),
                rows.get(0).toString());
        assertEquals(">= 0.85x", rows.get(0).target());
        assertEquals("esp aes-gcm-16 flood bytes allocated per packet, sending + receiving thread",
                rows.get(1).name());
        assertTrue(rows.get(1).figure().matches("\\d+ \\+ \\d+ B"), rows.get(1).toString());
        assertTrue(rows.get(1).baseline().matches("\\d+ B JCE AES/GCM seal\\+open"), rows.get(1).toString());
        assertEquals("ping -f median round trip", rows.get(2).name(), "a loss is named in the row");
        assertTrue(rows.get(2).figure().matches("\\d+ us"), rows.get(2).toString());
        assertEquals("<= 2.00x", rows.get(2).target());
        for (BenchRow r : rows) {
            assertTrue(r.ratio() > 0, r.toString());
        }
    }

    @Test
    void theFloodPacketIsAWholeUdpPacketOfFourteenHundredBytes() {
        byte[] ip = LinkPair.udpPacket(BenchSa.SRC, BenchSa.DST, 1400);
        assertEquals(1400, ip.length);
        assertEquals(0x45, ip[0] & 0xff);
        assertEquals(1400, ((ip[2] & 0xff) << 8) | (ip[3] & 0xff));
        assertEquals(17, ip[9]);
    }
}
