package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The facade: continuation, exit, warnings, get output. */
class SetkeyTest {

    @Test
    void isCompleteForTheConsole() {
        assertTrue(Setkey.isComplete(""));
        assertTrue(Setkey.isComplete("  # only a comment\n"));
        assertTrue(Setkey.isComplete("flush;"));
        assertTrue(Setkey.isComplete("flush; # done"));
        assertFalse(Setkey.isComplete("add 10.0.0.1 10.0.0.2 esp 300"));
        assertFalse(Setkey.isComplete("add 10.0.0.1 10.0.0.2 ah 300 -A hmac-md5 \"12;"));
        assertTrue(Setkey.isComplete("add 10.0.0.1 10.0.0.2 ah 300 -A hmac-md5 \"1;\";"));
        assertFalse(Setkey.isComplete("flush; spdflush"));
    }

    @Test
    void exitStopsProcessing() {
        Lab lab = new Lab();
        SetkeyResult r = lab.run("add 10.0.0.1 10.0.0.2 esp 300 -E null;\nquit;\nflush;");
        assertTrue(r.exitRequested());
        assertEquals(1, r.applied());
        assertEquals(1, lab.sad.size());
    }

    @Test
    void getPrintsOneBlockWithSeqZeroAndWarnsAboutMode() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1 10.0.0.2 esp 300 -E null; add 10.0.0.1 10.0.0.2 esp 301 -E null;");
        SetkeyResult r = lab.run("get 10.0.0.1 10.0.0.2 esp 300 -m tunnel;");
        assertEquals(0, r.errors());
        assertEquals(1, lab.diagnostics.size());
        assertEquals("test.conf:1:31: warning: mode is obsolete", lab.diagnostics.get(0).headline());
        assertTrue(lab.output.toString().startsWith("10.0.0.1 10.0.0.2\n\tesp mode=any spi=300(0x0000012c)"));
        assertTrue(lab.output.toString().endsWith("\tsadb_seq=0 pid=4321 refcnt=1\n"));
        assertEquals(1, lab.output.toString().split("sadb_seq").length - 1);
    }

    @Test
    void deleteAndDeleteAllAndFlushByProtocol() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1 10.0.0.2 esp 300 -E null; add 10.0.0.1 10.0.0.2 esp 301 -E null;\n"
                + "add 10.0.0.1 10.0.0.2 ah 302 -A hmac-md5 \"1234567890123456\";"
                + "add 10.0.0.1 10.0.0.2 ipcomp 3 -C deflate;");
        lab.ok("delete 10.0.0.1 10.0.0.2 esp 300;");
        assertEquals(3, lab.sad.size());
        lab.ok("deleteall 10.0.0.1 10.0.0.2 esp;");
        assertEquals(2, lab.sad.size());
        lab.ok("flush ah;");
        assertEquals(1, lab.sad.size());
        lab.ok("dump ipcomp;");
        assertTrue(lab.output.toString().contains("\tC: deflate \tseq="));
        SetkeyResult r = lab.run("deleteall 10.0.0.1 10.0.0.2 esp;");
        assertEquals(1, r.errors());
    }

    @Test
    void updateReplacesKeys() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1 10.0.0.2 ah 300 -A hmac-md5 \"1234567890123456\";\n"
                + "update 10.0.0.1 10.0.0.2 ah 300 -A hmac-sha1 \"12345678901234567890\";");
        assertTrue(lab.setkey.dumpSad(false).contains("\tA: hmac-sha1  "));
    }

    @Test
    void spdupdateUpserts() {
        Lab lab = new Lab();
        lab.ok("spdupdate 10.0.0.1 10.0.0.2 any -P out none;\nspdupdate 10.0.0.1 10.0.0.2 any -P out discard;");
        assertEquals(1, lab.spd.size());
        assertTrue(lab.setkey.dumpSpd().contains("\tout discard\n"));
        SetkeyResult r = lab.run("spdadd 10.0.0.1 10.0.0.2 any -P out none;");
        assertTrue(lab.onlyError().message().startsWith("File exists"));
        assertEquals(0, r.applied());
    }
}
