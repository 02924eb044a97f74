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

/**
 * The SAD and SPD written back as a setkey file: {@code flush; spdflush;}, then one
 * {@code add} per live SA (oldest first) and one {@code spdadd} per policy (in spid
 * order), so {@code setkey -f} of the file rebuilds the same databases.
 */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    public static String write(Sad sad, Spd spd) {
        StringBuilder sb = new StringBuilder("# written by jsetkey; load it with: jsetkey -f FILE\nflush;\nspdflush;\n");
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
        return sb.toString();
    }
}
