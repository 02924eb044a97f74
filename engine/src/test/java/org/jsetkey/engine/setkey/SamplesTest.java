package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsetkey.engine.setkey.stmt.Statement;
import org.junit.jupiter.api.Test;

/** The vectors, host profiles and the FreeBSD two-host configuration load, dump and round-trip. */
class SamplesTest {

    @Test
    void everySampleParsesWithoutErrors() {
        for (Map.Entry<String, String> e : Samples.all().entrySet()) {
            Parser.Result r = Parser.parse(e.getValue(), e.getKey());
            assertFalse(r.hasErrors(), e.getKey() + ": " + r.diagnostics());
        }
    }

    @Test
    void roundTripGivesEqualStatements() {
        for (Map.Entry<String, String> e : Samples.all().entrySet()) {
            List<Statement> first = Parser.parse(e.getValue(), e.getKey()).statementsOnly();
            StringBuilder text = new StringBuilder();
            for (Statement s : first) {
                text.append(StatementFormatter.format(s)).append('\n');
            }
            Parser.Result again = Parser.parse(text.toString(), "formatted");
            assertFalse(again.hasErrors(), text + "\n" + again.diagnostics());
            assertEquals(first, again.statementsOnly(), e.getKey() + ":\n" + text);
        }
    }

    @Test
    void vectorsLoadAndDump() {
        Lab lab = new Lab();
        lab.ok(Samples.vector("aes-cbc-sha256.conf"));
        String dump = lab.setkey.dumpSad(false);
        assertTrue(dump.startsWith("10.0.0.2 10.0.0.1\n\tesp mode=transport spi=8193(0x00002001)"), dump);
        assertTrue(dump.contains("\tE: rijndael-cbc  00112233 44556677 8899aabb ccddeeff\n"), dump);
        assertTrue(dump.contains("\tA: hmac-sha2-256  00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617"
                + " 18191a1b 1c1d1e1f\n"), dump);
        lab.ok(Samples.vector("aes-gcm.conf"));
        assertTrue(lab.setkey.dumpSad(false).contains("\tE: aes-gcm-16  00010203 04050607 08090a0b 0c0d0e0f"
                + " cafebabe\n\tseq="));
        lab.ok(Samples.vector("tunnel-esp.conf"));
        assertTrue(lab.setkey.dumpSpd().contains("\tesp/tunnel/10.0.0.1-10.0.0.2/require\n"));
        lab.ok(Samples.vector("freebsd-howto.conf"));
        assertTrue(lab.setkey.dumpSpd().contains("\tout ipsec\n\tesp/transport//use\n\tah/transport//use\n"));
    }

    @Test
    void freebsdTwoHostDump() {
        Lab lab = new Lab();
        lab.ok(Samples.FREEBSD_TWO_HOST);
        String dump = lab.setkey.dumpSad(false);
        assertTrue(dump.startsWith("198.51.100.20 192.0.2.10\n"
                + "\tesp mode=any spi=24501(0x00005fb5) reqid=0(0x00000000)\n"
                + "\tE: blowfish-cbc  31323334 35\n"
                + "\tseq=0x00000000 replay=0 flags=0x00000040 state=mature \n"), dump);
        assertTrue(dump.contains("192.0.2.10 198.51.100.20\n"
                + "\tah mode=any spi=15700(0x00003d54) reqid=0(0x00000000)\n"
                + "\tA: hmac-md5  31323334 35363738 39303132 33343536\n"), dump);
        assertTrue(dump.endsWith("\tsadb_seq=0 pid=4321 refcnt=1\n"));
        assertTrue(dump.contains("\tsadb_seq=3 pid=4321"));
        assertEquals("198.51.100.20[any] 192.0.2.10[any] any\n\tin ipsec\n", lab.setkey.dumpSpd().substring(0,
                "198.51.100.20[any] 192.0.2.10[any] any\n\tin ipsec\n".length()));
        assertTrue(lab.setkey.dumpSpd().contains("192.0.2.10[any] 198.51.100.20[any] any\n\tout ipsec\n"
                + "\tesp/transport//default\n\tah/transport//default\n"));
    }

    @Test
    void hostProfilesLoadAndMirrorEachOther() {
        Lab phoenix = new Lab();
        Lab cardinal = new Lab();
        phoenix.ok(Samples.script("phoenix"));
        cardinal.ok(Samples.script("cardinal"));
        assertEquals(phoenix.setkey.dumpSad(false), cardinal.setkey.dumpSad(false));
        assertEquals(4, phoenix.sad.size());
        assertEquals(2, phoenix.spd.size());
        assertTrue(phoenix.setkey.dumpSpd().contains("198.51.100.20[any] 192.0.2.10[any] any\n\tin ipsec\n"));
        assertTrue(phoenix.setkey.dumpSpd().contains("192.0.2.10[any] 198.51.100.20[any] any\n\tout ipsec\n"));
        assertTrue(cardinal.setkey.dumpSpd().contains("192.0.2.10[any] 198.51.100.20[any] any\n\tin ipsec\n"));
        assertTrue(cardinal.setkey.dumpSpd().contains("198.51.100.20[any] 192.0.2.10[any] any\n\tout ipsec\n"));
        // loading again works because the file starts with flush; spdflush;
        phoenix.ok(Samples.script("phoenix"));
    }

    @Test
    void howToStatementIsAccepted() {
        Lab lab = new Lab();
        lab.ok("add 192.0.2.10 198.51.100.20 ah 1000 -m transport -A hmac-md5 \"1234567890123456\";");
        assertTrue(lab.setkey.dumpSad(false).contains("\tah mode=transport spi=1000(0x000003e8)"));
    }

    @Test
    void everyStatementSampleRuns() {
        Lab lab = new Lab();
        SetkeyResult r = lab.run(Samples.all().get("every-statement"));
        assertEquals(0, r.errors(), lab.diagnostics.toString());
        assertTrue(r.exitRequested());
        assertEquals(20, r.applied());
        assertTrue(lab.output.toString().startsWith("10.0.0.1 10.0.0.2\n"
                + "\tesp mode=tunnel spi=301(0x0000012d) reqid=5(0x00000005)\n"
                + "\tE: des-cbc  31323334 35363738\n"
                + "\tA: hmac-sha1  31323334 35363738 39303132 33343536 37383930\n"
                + "\tseq=0x00000000 replay=32 flags=0x00000220 state=mature \n"), lab.output.toString());
        assertTrue(lab.output.toString().contains("\tfwd prio def - 10 none\n"), lab.output.toString());
    }
}
