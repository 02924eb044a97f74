package org.jsetkey.engine.print;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.Counters;
import org.jsetkey.engine.stats.IcmpStat;
import org.jsetkey.engine.stats.IpsecStat;
import org.jsetkey.engine.stats.LinkStat;
import org.jsetkey.engine.stats.XformStat;

/** {@code netstat -s -p ipsec|ipsec6|ah|esp|ipcomp} text in FreeBSD's layout. */
public final class NetstatFormatter {
    private NetstatFormatter() {
    }

    /** The protocol names {@code -p} takes, in the order {@code netstat -s} prints them. */
    public static final java.util.List<String> PROTOCOLS = java.util.List.of("ipsec", "ipsec6", "ah", "esp", "ipcomp",
            "icmp", "icmp6", "link");

    /**
     * @param hideZero {@code -ss}: leave out counters that are zero
     * @return the block, or null for an unknown protocol name
     */
    public static String format(Counters c, String protocol, boolean hideZero) {
        StringBuilder sb = new StringBuilder(protocol).append(":\n");
        switch (protocol) {
            case "ipsec":
            case "ipsec6":
                for (IpsecStat s : IpsecStat.values()) {
                    line(sb, c.get(protocol.equals("ipsec6"), s), s.text(), hideZero);
                }
                return sb.toString();
            case "ah":
                return xform(sb, c, SaType.AH, "AH", hideZero);
            case "esp":
                return xform(sb, c, SaType.ESP, "ESP", hideZero);
            case "ipcomp":
                return xform(sb, c, SaType.IPCOMP, "COMP", hideZero);
            case "icmp":
            case "icmp6":
                for (IcmpStat s : IcmpStat.values()) {
                    line(sb, c.get(protocol.equals("icmp6"), s), s.text(), hideZero);
                }
                return sb.toString();
            case "link":
                for (LinkStat s : LinkStat.values()) {
                    line(sb, c.get(s), s.text(), hideZero);
                }
                return sb.toString();
            default:
                return null;
        }
    }

    private static String xform(StringBuilder sb, Counters c, SaType type, String title, boolean hideZero) {
        for (XformStat s : XformStat.values()) {
            if (s.appliesTo(type) && !s.afterHistogram()) {
                line(sb, c.get(type, s), s.text(), hideZero);
            }
        }
        histogram(sb, c, type, title);
        for (XformStat s : XformStat.values()) {
            if (s.appliesTo(type) && s.afterHistogram()) {
                line(sb, c.get(type, s), s.text(), hideZero);
            }
        }
        return sb.toString();
    }

    private static void histogram(StringBuilder sb, Counters c, SaType type, String title) {
        boolean header = false;
        for (int id = 0; id < 256; id++) {
            long n = c.histogram(type, id);
            if (n == 0) {
                continue;
            }
            if (!header) {
                sb.append('\t').append(title).append(" output histogram:\n");
                header = true;
            }
            sb.append("\t\t").append(histogramName(type, id)).append(": ").append(n).append('\n');
        }
    }

    /** FreeBSD's histogram names: the dump name of the algorithm with that id, or {@code #id}. */
    static String histogramName(SaType type, int id) {
        AlgorithmKind kind = type == SaType.AH ? AlgorithmKind.AUTH
                : type == SaType.ESP ? AlgorithmKind.ENCRYPT : AlgorithmKind.COMPRESS;
        if (kind == AlgorithmKind.AUTH && id == 249) {
            return "keyed-md5";
        }
        if (kind == AlgorithmKind.AUTH && id == 250) {
            return "keyed-sha1";
        }
        return Algorithms.byId(kind, id).map(Algorithm::dumpName).orElse("#" + id);
    }

    private static void line(StringBuilder sb, long n, String text, boolean hideZero) {
        if (hideZero && n == 0) {
            return;
        }
        sb.append('\t').append(n).append(' ').append(plural(text, n)).append('\n');
    }

    static String plural(String text, long n) {
        return text.replace("%s", n == 1 ? "" : "s");
    }
}
