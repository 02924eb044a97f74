package org.jsetkey.engine.setkey;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaState;
import org.jsetkey.engine.setkey.stmt.Add;
import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.spd.Policy;
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
    /** The first words of every file this writes: how a bare {@code save} tells its own files from a person's. */
    public static final String HEADER = "# written by jsetkey";

    private ConfigWriter() {
    }

    public static String write(Sad sad, Spd spd) {
        return write(sad, spd, null);
    }

    /** With {@code sysctl} null, no sysctl lines. */
    public static String write(Sad sad, Spd spd, Sysctl sysctl) {
        return write(sad, spd, sysctl, p -> null);
    }

    /**
     * A policy setkey's language cannot state (from Linux: a reqid above 16383 or with level use, an
     * ICMP type or code of exactly 0) is a comment with the reason, followed by {@code exactForm}'s line
     * for it when that gives one (the autosave file keeps it as an {@code ip xfrm} line, which loads).
     */
    public static String write(Sad sad, Spd spd, Sysctl sysctl, Function<Policy, String> exactForm) {
        StringBuilder sb = new StringBuilder(HEADER + "; load it with: jsetkey -f FILE\nflush;\nspdflush;\n");
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
            String gap = e.policy().setkeyGap();
            String text = StatementFormatter.format(new SpdAdd(e.policy()));
            if (gap == null) {
                sb.append(text).append('\n');
                continue;
            }
            sb.append("# no setkey equivalent: ").append(gap).append(": ").append(text).append('\n');
            String exact = exactForm.apply(e.policy());
            if (exact != null) {
                sb.append(exact).append('\n');
            }
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

    /** True when {@code file} does not exist or starts with {@link #HEADER}: replacing it loses nothing a person wrote. */
    public static boolean wroteIt(Path file) throws IOException {
        if (!Files.exists(file)) {
            return true;
        }
        char[] start = new char[HEADER.length()];
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            int n = r.read(start);
            return n == start.length && new String(start).equals(HEADER);
        }
    }
}
