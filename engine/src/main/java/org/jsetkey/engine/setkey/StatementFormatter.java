package org.jsetkey.engine.setkey;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SecurityContext;
import org.jsetkey.engine.setkey.stmt.Add;
import org.jsetkey.engine.setkey.stmt.Delete;
import org.jsetkey.engine.setkey.stmt.DeleteAll;
import org.jsetkey.engine.setkey.stmt.Dump;
import org.jsetkey.engine.setkey.stmt.Exit;
import org.jsetkey.engine.setkey.stmt.Flush;
import org.jsetkey.engine.setkey.stmt.Get;
import org.jsetkey.engine.setkey.stmt.SaProtocol;
import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.setkey.stmt.SpdDelete;
import org.jsetkey.engine.setkey.stmt.SpdDump;
import org.jsetkey.engine.setkey.stmt.SpdFlush;
import org.jsetkey.engine.setkey.stmt.SpdUpdate;
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.setkey.stmt.Update;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Priority;
import org.jsetkey.engine.spd.Selector;

/**
 * Writes a statement back as setkey text that parses to an equal statement (keys as
 * {@code 0x} hex, SPIs in decimal). Used by {@code save} and the round-trip tests.
 */
public final class StatementFormatter {
    private StatementFormatter() {
    }

    public static String format(Statement s) {
        if (s instanceof Add a) {
            return "add " + sa(a.sa()) + ";";
        } else if (s instanceof Update u) {
            return "update " + sa(u.sa()) + ";";
        } else if (s instanceof Get g) {
            return "get " + g.src() + " " + g.dst() + " " + g.protocol().keyword() + " " + g.spi() + ";";
        } else if (s instanceof Delete d) {
            return "delete " + d.src() + " " + d.dst() + " " + d.protocol().keyword() + " " + d.spi() + ";";
        } else if (s instanceof DeleteAll d) {
            return "deleteall " + d.src() + " " + d.dst() + " " + d.protocol().keyword() + ";";
        } else if (s instanceof Flush f) {
            return f.protocol() == null ? "flush;" : "flush " + f.protocol().keyword() + ";";
        } else if (s instanceof Dump d) {
            return d.protocol() == null ? "dump;" : "dump " + d.protocol().keyword() + ";";
        } else if (s instanceof SpdAdd a) {
            return "spdadd " + policy(a.policy()) + ";";
        } else if (s instanceof SpdUpdate u) {
            return "spdupdate " + policy(u.policy()) + ";";
        } else if (s instanceof SpdDelete d) {
            return "spddelete " + selector(d.selector()) + label(d.context()) + " -P " + d.direction().keyword()
                    + ";";
        } else if (s instanceof SpdFlush) {
            return "spdflush;";
        } else if (s instanceof SpdDump) {
            return "spddump;";
        } else {
            return ((Exit) s).word() + ";";
        }
    }

    private static String sa(SecurityAssociation sa) {
        StringBuilder sb = new StringBuilder();
        NatT n = sa.natt();
        // both original addresses only reload through FreeBSD's spelling: esp ... -natt OAI[sport] OAR[dport]
        boolean freeBsd = n != null && n.originalResponder() != null;
        if (n == null || freeBsd) {
            sb.append(sa.src()).append(' ').append(sa.dst()).append(' ')
                    .append(SaProtocol.of(sa.type(), sa.old()).keyword());
        } else {
            sb.append(sa.src()).append('[').append(n.sport()).append("] ").append(sa.dst()).append('[')
                    .append(n.dport()).append("] ").append(SaProtocol.ESP_UDP.keyword());
            if (n.originalAddress() != null) {
                sb.append(' ').append(n.originalAddress());
            }
        }
        sb.append(' ').append(sa.spi());
        if (sa.mode() != SaMode.ANY) {
            sb.append(" -m ").append(sa.mode().keyword());
        }
        if (sa.replay() != 0) {
            sb.append(" -r ").append(sa.replay());
        }
        if (sa.reqid() != 0) {
            sb.append(" -u ").append(sa.reqid());
        }
        int flags = sa.flags();
        if ((flags & Algorithms.FLAG_RANDOM_PAD) != 0) {
            sb.append(" -f random-pad");
        }
        if ((flags & Algorithms.FLAG_ZERO_PAD) != 0) {
            sb.append(" -f zero-pad");
        }
        if ((flags & Algorithms.FLAG_CYCSEQ) == 0) {
            sb.append(" -f nocyclic-seq");
        }
        appendIf(sb, " -lh ", sa.hard().addtime());
        appendIf(sb, " -ls ", sa.soft().addtime());
        appendIf(sb, " -bh ", sa.hard().bytes());
        appendIf(sb, " -bs ", sa.soft().bytes());
        if (sa.context() != null) {
            sb.append(" -ctx ").append(context(sa.context()));
        }
        if (freeBsd) {
            sb.append(" -natt ").append(n.originalAddress()).append('[').append(n.sport()).append("] ")
                    .append(n.originalResponder()).append('[').append(n.dport()).append(']');
        }
        if (n != null && n.fragmentSize() != 0) {
            sb.append(" -natt_mtu ").append(n.fragmentSize());
        }
        if (sa.encAlg() != null) {
            sb.append(" -E ").append(algorithm(sa.encAlg(), sa.encKey()));
        }
        if (sa.authAlg() != null) {
            sb.append(" -A ").append(algorithm(sa.authAlg(), sa.authKey()));
        }
        if (sa.compAlg() != null) {
            sb.append(" -C ").append(sa.compAlg().name());
            if (sa.rawCpi()) {
                sb.append(" -R");
            }
        }
        return sb.toString();
    }

    private static void appendIf(StringBuilder sb, String option, long value) {
        if (value != 0) {
            sb.append(option).append(value);
        }
    }

    private static String algorithm(Algorithm alg, byte[] key) {
        if (key == null) {
            return alg.name();
        }
        StringBuilder sb = new StringBuilder(alg.name()).append(" 0x");
        for (byte b : key) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    private static String context(SecurityContext c) {
        return c.doi() + " " + c.algorithm() + " \"" + c.context() + "\"";
    }

    private static String label(SecurityContext c) {
        return c == null ? "" : " -ctx " + context(c);
    }

    private static String policy(Policy p) {
        StringBuilder sb = new StringBuilder(selector(p.selector())).append(label(p.context())).append(" -P ")
                .append(p.direction().keyword());
        if (p.priority() != null) {
            String prio = p.priority().format();
            // a stored 0 prints as nothing in a dump, but must not read back as the default
            sb.append(' ').append(prio.isEmpty() ? "prio high + " + Priority.HIGH_BASE : prio);
        }
        sb.append(' ').append(p.action().keyword());
        for (PolicyRule r : p.rules()) {
            sb.append(' ').append(r.format());
        }
        return sb.toString();
    }

    private static String selector(Selector s) {
        return PolicyPrinter.selector(s);
    }
}
