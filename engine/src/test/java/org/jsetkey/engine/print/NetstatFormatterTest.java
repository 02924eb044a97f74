package org.jsetkey.engine.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.Counters;
import org.jsetkey.engine.stats.IpsecStat;
import org.jsetkey.engine.stats.XformStat;
import org.junit.jupiter.api.Test;

class NetstatFormatterTest {
    @Test
    void ipsecBlockListsEveryCounterWithFreeBsd12Wording() {
        Counters c = new Counters();
        c.add(false, IpsecStat.IN_POLVIO);
        c.add(false, IpsecStat.OUT_NOSA);
        c.add(false, IpsecStat.OUT_NOSA);
        String expected = "ipsec:\n"
                + "\t1 inbound packet violated process security policy\n"
                + "\t0 inbound packets failed due to insufficient memory\n"
                + "\t0 invalid inbound packets\n"
                + "\t0 outbound packets violated process security policy\n"
                + "\t2 outbound packets with no SA available\n"
                + "\t0 outbound packets failed due to insufficient memory\n"
                + "\t0 outbound packets with no route available\n"
                + "\t0 invalid outbound packets\n"
                + "\t0 outbound packets with bundled SAs\n"
                + "\t0 mbufs coalesced during clone\n"
                + "\t0 clusters coalesced during clone\n"
                + "\t0 clusters copied during clone\n"
                + "\t0 mbufs inserted during makespace\n";
        assertEquals(expected, NetstatFormatter.format(c, "ipsec", false));
        assertEquals("ipsec6:\n", NetstatFormatter.format(c, "ipsec6", true));
    }

    @Test
    void espBlockHasEspOnlyLinesAndHistogram() {
        Counters c = new Counters();
        c.add(SaType.ESP, XformStat.OUTPUT, 3);
        c.add(SaType.ESP, XformStat.NOTDB);
        c.output(SaType.ESP, 3);
        c.output(SaType.ESP, 3);
        c.output(SaType.ESP, 3);
        c.output(SaType.ESP, 7);
        String text = NetstatFormatter.format(c, "esp", false);
        String[] lines = text.split("\n");
        assertEquals("esp:", lines[0]);
        assertEquals("\t0 packets shorter than header shows", lines[1]);
        assertEquals("\t1 packet dropped; no TDB", lines[3]);
        assertEquals("\t0 packets dropped; bad ilen", lines[7]);
        assertEquals("\t0 replay counter wraps", lines[8]);
        assertEquals("\t0 packets dropped; bad encryption detected", lines[9]);
        assertEquals("\t0 possible replay packets detected", lines[11]);
        assertEquals("\t3 packets out", lines[13]);
        assertEquals("\t0 tunnel sanity check failures", lines[20]);
        assertEquals("\tESP output histogram:", lines[21]);
        assertEquals("\t\t3des-cbc: 3", lines[22]);
        assertEquals("\t\tblowfish-cbc: 1", lines[23]);
        assertEquals(24, lines.length);
        assertEquals("esp:\n\t1 packet dropped; no TDB\n\t3 packets out\n\tESP output histogram:\n"
                + "\t\t3des-cbc: 3\n\t\tblowfish-cbc: 1\n", NetstatFormatter.format(c, "esp", true));
    }

    @Test
    void ahHasAuthLengthLineAndNoEspLines() {
        String text = NetstatFormatter.format(new Counters(), "ah", false);
        assertEquals(20, text.split("\n").length);
        assertEquals(true, text.contains("\t0 packets dropped; bad authentication length\n"));
        assertEquals(false, text.contains("bad ilen"));
    }

    @Test
    void ipcompEndsWithUncompressedLinesAfterHistogram() {
        Counters c = new Counters();
        c.output(SaType.IPCOMP, 2);
        c.add(SaType.IPCOMP, XformStat.UNCOMPR);
        String text = NetstatFormatter.format(c, "ipcomp", false);
        String[] lines = text.split("\n");
        assertEquals("\tCOMP output histogram:", lines[lines.length - 4]);
        assertEquals("\t\tdeflate: 1", lines[lines.length - 3]);
        assertEquals("\t0 packets sent uncompressed; size < compr. algo. threshold", lines[lines.length - 2]);
        assertEquals("\t1 packet sent uncompressed; compression was useless", lines[lines.length - 1]);
        assertEquals(false, text.contains("possible replay"));
        assertEquals(true, text.contains("\t0 replay counter wraps\n"));
        assertNull(NetstatFormatter.format(c, "tcp", false));
    }

    @Test
    void histogramNamesFollowFreeBsd() {
        assertEquals("keyed-md5", NetstatFormatter.histogramName(SaType.AH, 249));
        assertEquals("hmac-sha2-256", NetstatFormatter.histogramName(SaType.AH, 5));
        assertEquals("rijndael-cbc", NetstatFormatter.histogramName(SaType.ESP, 12));
        assertEquals("#99", NetstatFormatter.histogramName(SaType.ESP, 99));
    }
}
