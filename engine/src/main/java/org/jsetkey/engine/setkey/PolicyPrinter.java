package org.jsetkey.engine.setkey;

import java.time.ZoneId;
import java.util.List;

import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Selector;
import org.jsetkey.engine.spd.SpdEntry;

/** The {@code setkey -DP} text (architecture.md §9), KAME form without {@code scope=}. */
public final class PolicyPrinter {
    public static final String EMPTY = "No SPD entries.\n";

    private final ZoneId zone;
    private final long pid;

    public PolicyPrinter(ZoneId zone, long pid) {
        this.zone = zone;
        this.pid = pid;
    }

    /**
     * Entries in the given order (in, out, fwd), {@code seq} counting down to 0. A thread
     * interrupted while it prints (Ctrl-C) stops after the entry it is writing.
     */
    public String print(List<SpdEntry> entries) {
        if (entries.isEmpty()) {
            return EMPTY;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size() && !Thread.currentThread().isInterrupted(); i++) {
            block(sb, entries.get(i), entries.size() - 1 - i);
        }
        return sb.toString();
    }

    private void block(StringBuilder sb, SpdEntry e, int seq) {
        Policy p = e.policy();
        Selector s = p.selector();
        sb.append(selector(s)).append('\n');
        sb.append('\t').append(p.direction().keyword());
        if (p.priority() != null) {
            String prio = p.priority().format();
            if (!prio.isEmpty()) {
                sb.append(' ').append(prio);
            }
        }
        sb.append(' ').append(p.action().keyword()).append('\n');
        for (PolicyRule r : p.rules()) {
            sb.append('\t').append(r.format()).append('\n');
        }
        DumpPrinter.securityContext(sb, p.context());
        sb.append("\tcreated: ").append(DumpPrinter.time(e.createdMillis(), zone)).append("  lastused: ")
                .append(DumpPrinter.time(e.lastUsedMillis(), zone)).append('\n');
        sb.append("\tlifetime: 0(s) validtime: 0(s)\n");
        sb.append("\tspid=").append(e.id()).append(" seq=").append(seq).append(" pid=").append(pid).append('\n');
        sb.append("\trefcnt=1\n");
    }

    /**
     * The first line. ICMPv6 selectors carry type and code instead of ports and print no
     * brackets (KAME); ICMP type,code is an ipsec-tools feature and prints its way ({@code icmp 8,0}). A
     * type or code of exactly 0 (from Linux) prints as {@code icmp type 0 code 0}.
     */
    static String selector(Selector s) {
        boolean icmp = s.isIcmp();
        String src = range(s.src(), s.srcPort(), !icmp);
        String dst = range(s.dst(), s.dstPort(), !icmp);
        return src + " " + dst + " " + upper(s);
    }

    private static String range(Prefix p, int port, boolean brackets) {
        String text = p.format();
        return brackets ? text + "[" + (port == 0 ? "any" : Integer.toString(port)) + "]" : text;
    }

    private static String upper(Selector s) {
        String name = IpProtocol.setkeyWord(s.upperProtocol());
        if (s.hasExactZero()) {
            // setkey's T,C has 0 = any: a Linux selector for type or code 0 prints in ip xfrm's words
            if (s.srcPort() != 0 || s.srcZeroExact()) {
                name += " type " + s.srcPort();
            }
            if (s.dstPort() != 0 || s.dstZeroExact()) {
                name += " code " + s.dstPort();
            }
        } else if (s.isIcmp() && (s.srcPort() != 0 || s.dstPort() != 0)) {
            name += " " + s.srcPort() + "," + s.dstPort();
        }
        return name;
    }
}
