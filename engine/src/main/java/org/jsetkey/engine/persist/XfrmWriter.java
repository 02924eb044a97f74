package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.sad.Lifetime;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaState;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SecurityContext;
import org.jsetkey.engine.setkey.StatementFormatter;
import org.jsetkey.engine.setkey.stmt.Add;
import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Selector;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.Sysctl;

/**
 * The SAD and SPD as Linux iproute2 commands ({@code ip xfrm state add ...},
 * {@code ip xfrm policy add ...}). An SA, policy or knob with no ip xfrm equivalent is kept
 * as a comment holding its setkey text, and a {@link Note} names that line and says why.
 */
public final class XfrmWriter {
    /** A line of the written text (1-based) and why it holds no command. */
    public record Note(int line, String message) {
    }

    public record Result(String text, List<Note> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Why something cannot be written as ip xfrm. */
    private static final class Untranslatable extends Exception {
        private static final long serialVersionUID = 1L;

        Untranslatable(String message) {
            super(message);
        }
    }

    /** The largest replay window iproute2 and the kernel take, in packets. */
    static final int MAX_REPLAY_WINDOW = 4096;

    private final List<String> lines = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    private XfrmWriter() {
    }

    public static Result write(Sad sad, Spd spd, Sysctl sysctl) {
        XfrmWriter w = new XfrmWriter();
        w.lines.add("# written by jsetkey as Linux iproute2 commands; load with: jsetkey -f FILE;"
                + " on Linux: sed 's/^ip //' FILE | ip -batch -");
        w.lines.add("ip xfrm state flush");
        w.lines.add("ip xfrm policy flush");
        if (sysctl != null) {
            for (Knob k : sysctl.changedFromDefault()) {
                w.untranslated("sysctl " + k.name() + "=" + sysctl.format(k.name()),
                        "sysctl " + k.name() + " is a FreeBSD knob with no ip xfrm equivalent");
            }
        }
        List<SaEntry> sas = new ArrayList<>(sad.snapshot());
        sas.sort(Comparator.comparingLong(SaEntry::order));
        for (SaEntry e : sas) {
            if (e.state() == SaState.DEAD) {
                continue;
            }
            try {
                w.lines.add(state(e.sa()));
            } catch (Untranslatable u) {
                w.untranslated(StatementFormatter.format(new Add(e.sa())), u.getMessage());
            }
        }
        // Linux ranks equal priorities by insertion alone; written in jsetkey's lookup order, the
        // kernel's order is the same
        List<SpdEntry> policies = new ArrayList<>(spd.snapshot());
        policies.sort(Spd.LOOKUP_ORDER);
        for (SpdEntry e : policies) {
            try {
                w.lines.add(policy(e.policy()));
            } catch (Untranslatable u) {
                w.untranslated(StatementFormatter.format(new SpdAdd(e.policy())), u.getMessage());
            }
        }
        return new Result(String.join("\n", w.lines) + "\n", w.notes);
    }

    private void untranslated(String setkeyText, String why) {
        lines.add("# no ip xfrm equivalent: " + setkeyText);
        notes.add(new Note(lines.size(), why + "; kept as a comment: " + firstWords(setkeyText)));
    }

    /** The statement without its keys, for the report. */
    private static String firstWords(String setkeyText) {
        int cut = setkeyText.indexOf(" -E ");
        int a = setkeyText.indexOf(" -A ");
        if (cut < 0 || (a >= 0 && a < cut)) {
            cut = a;
        }
        return cut < 0 ? setkeyText : setkeyText.substring(0, cut) + " ...";
    }

    static String state(SecurityAssociation sa) throws Untranslatable {
        if (sa.old()) {
            throw new Untranslatable(sa.type().keyword() + "-old (RFC 1826/1827) has no ip xfrm equivalent");
        }
        if (sa.type() == SaType.TCP) {
            throw new Untranslatable("a tcp SA (TCP-MD5) has no ip xfrm state equivalent");
        }
        if ((sa.flags() & (Algorithms.FLAG_RANDOM_PAD | Algorithms.FLAG_ZERO_PAD)) != 0) {
            throw new Untranslatable("-f random-pad/zero-pad has no ip xfrm equivalent");
        }
        if (sa.rawCpi()) {
            throw new Untranslatable("-R (raw CPI) has no ip xfrm equivalent");
        }
        NatT n = sa.natt();
        if (n != null && (n.originalResponder() != null || n.fragmentSize() != 0)) {
            throw new Untranslatable("-natt's responder address and -natt_mtu have no ip xfrm equivalent"
                    + " (encap takes one original address)");
        }
        StringBuilder sb = new StringBuilder("ip xfrm state add src ").append(sa.src().format()).append(" dst ")
                .append(sa.dst().format()).append(" proto ").append(proto(sa.type()))
                .append(String.format(" spi 0x%08x", sa.spi()));
        if (sa.reqid() != 0) {
            sb.append(" reqid ").append(sa.reqid());
        }
        if (sa.mode() != SaMode.ANY) {
            sb.append(" mode ").append(sa.mode().keyword());
        }
        if (sa.replay() * 8 > MAX_REPLAY_WINDOW) {
            throw new Untranslatable("-r " + sa.replay() + " (a window of " + sa.replay() * 8
                    + " packets) is above Linux's " + MAX_REPLAY_WINDOW + " (XFRMA_REPLAY_ESN_MAX)");
        }
        if (sa.type() == SaType.IPCOMP && sa.replay() * 8 > 32) {
            // above 32 packets iproute2 sends the window as an ESN attribute
            throw new Untranslatable("-r " + sa.replay() + " on an IPComp SA: Linux takes at most 32 packets there"
                    + " (ESN only supported for ESP and AH)");
        }
        if (sa.replay() != 0) {
            sb.append(" replay-window ").append(sa.replay() * 8);
        }
        if (sa.cyclicSequence()) {
            sb.append(" extra-flag oseq-may-wrap");
        }
        if (sa.encAlg() != null) {
            XfrmNames.Linux l = linux(sa.encAlg());
            sb.append(' ').append(l.keyword()).append(' ').append(l.name()).append(' ').append(key(sa.encKey()));
            if (sa.encAlg().aead()) {
                sb.append(' ').append(sa.encAlg().icvBytes() * 8);
            }
        }
        if (sa.authAlg() != null) {
            XfrmNames.Linux l = linux(sa.authAlg());
            sb.append(" auth-trunc ").append(l.name()).append(' ').append(key(sa.authKey())).append(' ')
                    .append(sa.authAlg().icvBytes() * 8);
        }
        if (sa.compAlg() != null) {
            sb.append(" comp ").append(linux(sa.compAlg()).name());
        }
        encap(sb, sa);
        limits(sb, sa.hard(), "hard");
        limits(sb, sa.soft(), "soft");
        context(sb, sa.context());
        return sb.toString();
    }

    private static XfrmNames.Linux linux(Algorithm a) throws Untranslatable {
        Optional<XfrmNames.Linux> l = XfrmNames.linux(a);
        if (l.isEmpty()) {
            throw new Untranslatable(a.name() + " has no Linux equivalent");
        }
        return l.get();
    }

    /** esp-udp: {@code encap espinudp SPORT DPORT OA}, the unspecified address when no NAT-OA was given. */
    private static void encap(StringBuilder sb, SecurityAssociation sa) {
        NatT n = sa.natt();
        if (n == null) {
            return;
        }
        sb.append(" encap espinudp ").append(n.sport()).append(' ').append(n.dport()).append(' ')
                .append(n.originalAddress() != null ? n.originalAddress().format() : sa.src().isV4() ? "0.0.0.0" : "::");
    }

    private static void limits(StringBuilder sb, Lifetime l, String which) {
        if (l.addtime() != 0) {
            sb.append(" limit time-").append(which).append(' ').append(l.addtime());
        }
        if (l.bytes() != 0) {
            sb.append(" limit byte-").append(which).append(' ').append(l.bytes());
        }
    }

    private static void context(StringBuilder sb, SecurityContext c) throws Untranslatable {
        if (c == null) {
            return;
        }
        if (c.doi() != 1 || c.algorithm() != 1 || c.context().contains("\"")) {
            throw new Untranslatable("-ctx " + c.doi() + " " + c.algorithm()
                    + " has no ip xfrm equivalent (ctx is doi 1, algorithm 1)");
        }
        sb.append(" ctx \"").append(c.context()).append('"');
    }

    /** The {@code ip xfrm policy add} line for {@code p}, or null when Linux has no equivalent. */
    public static String policyLine(Policy p) {
        try {
            return policy(p);
        } catch (Untranslatable u) {
            return null;
        }
    }

    static String policy(Policy p) throws Untranslatable {
        if (p.action() == PolicyAction.ENTRUST || p.action() == PolicyAction.BYPASS) {
            throw new Untranslatable("action " + p.action().keyword() + " has no ip xfrm equivalent");
        }
        StringBuilder sb = new StringBuilder("ip xfrm policy add ").append(selector(p.selector())).append(" dir ")
                .append(p.direction().keyword());
        // Linux's default is 0, matched before every setkey priority: always written
        sb.append(" priority ").append(p.sortPriority());
        if (p.action() == PolicyAction.DISCARD) {
            sb.append(" action block");
        }
        context(sb, p.context());
        for (PolicyRule r : p.rules()) {
            sb.append(" tmpl");
            if (r.hasEndpoints()) {
                sb.append(" src ").append(r.tunnelSrc().format()).append(" dst ").append(r.tunnelDst().format());
            }
            sb.append(" proto ").append(proto(r.proto())).append(" mode ").append(r.mode().keyword());
            if (r.reqid() != 0) {
                sb.append(" reqid ").append(r.reqid());
            }
            if (r.level() == Level.UNIQUE) {
                if (r.reqid() == 0) {
                    throw new Untranslatable("level unique without a number has no ip xfrm equivalent");
                }
                sb.append(" level required");
            } else if (r.level() == Level.REQUIRE) {
                sb.append(" level required");
            } else if (r.level() == Level.USE) {
                if (r.mode() == SaMode.TUNNEL && p.direction() == Direction.OUT) {
                    throw new Untranslatable("an optional (level use) tunnel rule in an outbound policy: Linux refuses"
                            + " it (Mode in optional template not allowed in outbound policy)");
                }
                sb.append(" level use");
            } else {
                throw new Untranslatable("level default (read from *_deflev) has no ip xfrm equivalent");
            }
        }
        return sb.toString();
    }

    private static String selector(Selector s) throws Untranslatable {
        StringBuilder sb = new StringBuilder("src ").append(prefix(s.src())).append(" dst ").append(prefix(s.dst()));
        int proto = s.upperProtocol();
        if (proto == IpProtocol.ANY.number()) {
            if (s.srcPort() != 0 || s.dstPort() != 0) {
                throw new Untranslatable("ports without an upper protocol have no ip xfrm equivalent");
            }
            return sb.toString();
        }
        if (s.isIcmp()) {
            sb.append(" proto ").append(IpProtocol.name(proto));
            if (s.srcPort() != 0 || s.srcZeroExact()) {
                sb.append(" type ").append(s.srcPort());
            }
            if (s.dstPort() != 0 || s.dstZeroExact()) {
                sb.append(" code ").append(s.dstPort());
            }
            return sb.toString();
        }
        boolean tcpUdp = proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number();
        boolean ported = tcpUdp || proto == 132 || proto == 33;
        sb.append(" proto ").append(tcpUdp ? IpProtocol.name(proto) : Integer.toString(proto));
        if (!ported && (s.srcPort() != 0 || s.dstPort() != 0)) {
            throw new Untranslatable("ports with protocol " + proto + " have no ip xfrm equivalent");
        }
        if (s.srcPort() != 0) {
            sb.append(" sport ").append(s.srcPort());
        }
        if (s.dstPort() != 0) {
            sb.append(" dport ").append(s.dstPort());
        }
        return sb.toString();
    }

    private static String prefix(Prefix p) {
        return p.address().format() + "/" + p.length();
    }

    static String proto(SaType t) {
        return t == SaType.IPCOMP ? "comp" : t.keyword();
    }

    private static String key(byte[] key) {
        if (key == null || key.length == 0) {
            return "\"\"";
        }
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : key) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
