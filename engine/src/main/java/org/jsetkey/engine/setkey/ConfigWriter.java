package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaState;
import org.jsetkey.engine.setkey.stmt.Add;
import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.engine.sysctl.SysctlNames;

/**
 * The SAD and SPD written back as a setkey file: {@code flush; spdflush;}, a {@code sysctl}
 * line per knob that differs from its default, then one {@code add} per live SA (oldest
 * first) and one {@code spdadd} per policy (in spid order), then the changed table limits,
 * so loading the file rebuilds the same databases and knobs.
 */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    public static String write(Sad sad, Spd spd) {
        return write(sad, spd, null);
    }

    /** With {@code sysctl} null, no sysctl lines. */
    public static String write(Sad sad, Spd spd, Sysctl sysctl) {
        StringBuilder sb = new StringBuilder("# written by jsetkey; load it with: jsetkey -f FILE\nflush;\nspdflush;\n");
        sysctls(sb, sysctl, false);
        List<SaEntry> sas = new ArrayList<>(sad.snapshot());
        sas.sort(Comparator.comparingLong(SaEntry::order));
        for (SaEntry e : sas) {
            if (e.state() != SaState.DEAD) {
                sb.append(StatementFormatter.format(new Add(e.sa()))).append('\n');
            }
        }
        List<SpdEntry> policies = new ArrayList<>(spd.snapshot());
        policies.sort(Comparator.comparingLong(SpdEntry::id));
        for (SpdEntry e : policies) {
            sb.append(StatementFormatter.format(new SpdAdd(e.policy()))).append('\n');
        }
        sysctls(sb, sysctl, true);
        return sb.toString();
    }

    /**
     * The changed knobs; the table limits come after the statements, so a limit lowered below
     * what the tables hold does not refuse the file's own adds.
     */
    private static void sysctls(StringBuilder sb, Sysctl sysctl, boolean limits) {
        if (sysctl == null) {
            return;
        }
        for (Knob k : sysctl.changedFromDefault()) {
            boolean limit = k.name().equals(SysctlNames.KEY_SAD_MAXENTRIES) || k.name().equals(SysctlNames.KEY_SPD_MAXENTRIES);
            if (limit == limits) {
                sb.append("sysctl ").append(k.name()).append('=').append(sysctl.format(k.name())).append('\n');
            }
        }
    }
}
