package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** net.key.sad_maxentries and net.key.spd_maxentries: a full table refuses clearly and changes nothing. */
class TableLimitsTest {
    private final Host host = new Host("limits");
    private final Setkey setkey = new Setkey(host.sad(), host.spd(), 1);
    private final List<Diagnostic> errors = new ArrayList<>();

    @AfterEach
    void close() {
        host.close();
    }

    private SetkeyResult run(String text) {
        errors.clear();
        return setkey.run(text, "limits.conf", new SetkeyListener() {
            @Override
            public void output(String text) {
            }

            @Override
            public void diagnostic(Diagnostic d) {
                if (d.severity() == Diagnostic.Severity.ERROR) {
                    errors.add(d);
                }
            }
        });
    }

    /** The SAD's SA lines (the dump's times move with the clock). */
    private List<String> spis() {
        return setkey.dumpSad(true).lines().filter(l -> l.contains("spi=")).toList();
    }

    @Test
    void defaultsAreLargeAndListedAsSysctls() {
        // 2^20 each, or one per 4 KiB of a smaller heap
        int expected = (int) Math.max(1024, Math.min(1 << 20, Runtime.getRuntime().maxMemory() / 4096));
        assertEquals(expected, host.sysctl().getInt(SysctlNames.KEY_SAD_MAXENTRIES));
        assertEquals(expected, host.sysctl().getInt(SysctlNames.KEY_SPD_MAXENTRIES));
    }

    @Test
    void aFullSadRefusesTheNextAddAndKeepsWhatItHas() {
        host.sysctl().setInt(SysctlNames.KEY_SAD_MAXENTRIES, 2);
        run("add 192.0.2.1 192.0.2.2 esp 0x100 -E null;\nadd 192.0.2.1 192.0.2.2 esp 0x101 -E null;");
        assertEquals(List.of(), errors);
        List<String> before = spis();
        SetkeyResult r = run("add 192.0.2.1 192.0.2.2 esp 0x102 -E null;");
        assertTrue(r.failed());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("limits.conf:1:1: No buffer space available: the SAD is full: 2 SAs, net.key.sad_maxentries=2",
                errors.get(0).format().lines().findFirst().orElseThrow());
        assertEquals(before, spis());
        assertEquals(2, host.sad().size());
        // an update of an existing SA needs no room; raising the limit makes room
        run("update 192.0.2.1 192.0.2.2 esp 0x101 -E null;");
        assertEquals(List.of(), errors);
        host.sysctl().setInt(SysctlNames.KEY_SAD_MAXENTRIES, 3);
        run("add 192.0.2.1 192.0.2.2 esp 0x102 -E null;");
        assertEquals(List.of(), errors);
        assertEquals(3, host.sad().size());
    }

    @Test
    void aFullSpdRefusesSpdaddAndSpdupdateOfANewSelector() {
        host.sysctl().setInt(SysctlNames.KEY_SPD_MAXENTRIES, 1);
        run("spdadd 192.0.2.1 192.0.2.2 any -P out none;");
        assertEquals(List.of(), errors);
        String before = setkey.dumpSpd();
        run("spdadd 192.0.2.1 192.0.2.3 any -P out none;");
        assertTrue(errors.get(0).message().startsWith(
                "No buffer space available: the SPD is full: 1 policies, net.key.spd_maxentries=1"), errors.toString());
        run("spdupdate 192.0.2.1 192.0.2.3 any -P out none;");
        assertEquals(1, errors.size());
        assertEquals(before, setkey.dumpSpd());
        run("spdupdate 192.0.2.1 192.0.2.2 any -P out discard;");
        assertEquals(List.of(), errors, "replacing an existing policy needs no room");
    }

    @Test
    void aMillionAddsAgainstASmallLimitStayBounded() {
        host.sysctl().setInt(SysctlNames.KEY_SAD_MAXENTRIES, 1000);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("add 192.0.2.1 192.0.2.2 esp ").append(0x1000 + i).append(" -E null;\n");
        }
        SetkeyResult r = run(sb.toString());
        assertTrue(r.failed());
        assertEquals(1000, host.sad().size());
        assertEquals(4000, r.errors());
        // every statement is tried, as setkey does; 20 refusals are shown, then one line for the rest
        assertEquals(21, errors.size());
        assertEquals("limits.conf: too many errors; 3980 more not shown", errors.get(20).format());
    }
}
