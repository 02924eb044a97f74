package org.jsetkey.engine.check;

import java.util.ArrayList;
import java.util.List;


/**
 * Compares two hosts' summaries. For every SA either host would send with (source its own
 * address, destination the other's) the receiver must hold the same SA: SPI, mode,
 * algorithms and key fingerprints. Then {@link PolicyComparison} checks that each side's
 * policies find what they need on both hosts.
 */
final class Comparison {
    private Comparison() {
    }

    static List<Finding> compare(Summary local, Summary remote) {
        List<Finding> out = new ArrayList<>();
        sent(local, remote, out);
        sent(remote, local, out);
        out.addAll(PolicyComparison.compare(local, remote));
        out.addAll(PolicyComparison.compare(remote, local));
        return out;
    }

    private static void sent(Summary sender, Summary receiver, List<Finding> out) {
        for (SaLine s : sender.sas()) {
            if (!sender.owns(s.src()) || !receiver.owns(s.dst())) {
                continue;
            }
            SaLine same = null;
            List<SaLine> others = new ArrayList<>();
            for (SaLine r : receiver.sas()) {
                if (r.sameFlow(s)) {
                    if (r.spi() == s.spi()) {
                        same = r;
                    } else {
                        others.add(r);
                    }
                }
            }
            if (same != null) {
                out.add(compareSa(sender, receiver, s, same));
            } else if (!others.isEmpty()) {
                List<String> spis = new ArrayList<>();
                for (SaLine o : others) {
                    spis.add(Long.toString(o.spi()));
                }
                out.add(Finding.mismatch(receiver.name() + " expects " + s.proto() + " SPI " + String.join(", ", spis)
                        + " for " + s.flow() + "; " + sender.name() + " sends " + s.spi(),
                        "use one SPI on both hosts: on " + receiver.name() + " `delete " + addrs(s) + " " + s.proto()
                                + " " + others.get(0).spi() + ";` and add it again with SPI " + s.spi()
                                + ", or give " + sender.name() + "'s SA SPI " + others.get(0).spi()));
            } else {
                out.add(Finding.mismatch(receiver.name() + " holds no " + s.proto() + " SA for " + s.flow() + "; "
                                + sender.name() + " sends SPI " + s.spi(),
                        "on " + receiver.name() + ": `add " + s.setkeyProtoAndAddresses() + " " + s.spi() + " -m "
                                + s.mode() + " " + s.algorithms() + " KEY;` with " + sender.name() + "'s key"));
            }
        }
    }

    private static Finding compareSa(Summary sender, Summary receiver, SaLine s, SaLine r) {
        List<String> diffs = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        differ(diffs, "mode", s.mode(), r.mode(), sender, receiver);
        differ(diffs, "encryption algorithm", s.enc(), r.enc(), sender, receiver);
        differ(diffs, "authentication algorithm", s.auth(), r.auth(), sender, receiver);
        differ(diffs, "compression algorithm", s.comp(), r.comp(), sender, receiver);
        if (!diffs.isEmpty()) {
            fixes.add("give both hosts the same " + s.proto() + " SA " + s.spi() + " (" + sender.name() + ": -m "
                    + s.mode() + " " + s.algorithms() + "; " + receiver.name() + ": -m " + r.mode() + " "
                    + r.algorithms() + ")");
        } else {
            if (!s.encFp().equals(r.encFp())) {
                diffs.add("encryption key differs (fingerprints " + sender.name() + " " + s.encFp() + ", "
                        + receiver.name() + " " + r.encFp() + ")");
            }
            if (!s.authFp().equals(r.authFp())) {
                diffs.add("authentication key differs (fingerprints " + sender.name() + " " + s.authFp() + ", "
                        + receiver.name() + " " + r.authFp() + ")");
            }
            if (!diffs.isEmpty()) {
                fixes.add("load the same key on both hosts (`get " + addrs(s) + " " + s.proto() + " " + s.spi()
                        + ";` shows it on each)");
            }
        }
        if (!s.encap().equals(r.encap())) {
            diffs.add("UDP encapsulation (NAT-T): " + sender.name() + " " + encap(s) + ", " + receiver.name() + " "
                    + encap(r));
            fixes.add("use esp-udp (with the same ports) on both hosts or on neither: " + sender.name() + " has `"
                    + s.setkeyProtoAndAddresses() + "`, " + receiver.name() + " `" + r.setkeyProtoAndAddresses() + "`");
        }
        String what = s.proto() + " SPI " + s.spi() + " for " + s.flow();
        if (diffs.isEmpty()) {
            return Finding.match(what + ": " + sender.name() + " sends, " + receiver.name() + " holds the same SA ("
                    + s.mode() + (s.algorithms().isEmpty() ? "" : " " + s.algorithms()) + ", same keys)");
        }
        return Finding.mismatch(what + ": " + String.join("; ", diffs), String.join("; ", fixes));
    }

    private static String encap(SaLine s) {
        return s.encap().equals("-") ? "plain esp" : "esp-udp " + s.encap().substring(4).replace(':', '>');
    }

    private static void differ(List<String> diffs, String what, String a, String b, Summary sa, Summary sb) {
        if (!a.equals(b)) {
            diffs.add(what + ": " + sa.name() + " " + a + ", " + sb.name() + " " + b);
        }
    }

    static String addrs(SaLine s) {
        return s.src().format() + " " + s.dst().format();
    }
}
