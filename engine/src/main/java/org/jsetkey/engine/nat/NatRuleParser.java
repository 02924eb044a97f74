package org.jsetkey.engine.nat;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;

/**
 * Reads pf.conf's {@code nat on IF from SRC[/LEN] to any -> ADDR} (pf.conf(5), the form FreeBSD's
 * pf takes in {@code /etc/pf.conf}); the other pf words (binat, rdr, filter rules) are not jsetkey's.
 */
public final class NatRuleParser {
    /** The words of the rule, in order; null where any value goes. */
    static final List<String> SHAPE = java.util.Arrays.asList("nat", "on", null, "from", null, "to", "any", "->", null);

    private NatRuleParser() {
    }

    private record Word(String text, int column) {
    }

    public static NatRule parse(String line) throws NatSyntaxError {
        List<Word> words = split(line);
        for (int i = 0; i < SHAPE.size(); i++) {
            int column = i < words.size() ? words.get(i).column() : line.stripTrailing().length() + 2;
            if (i >= words.size()) {
                throw new NatSyntaxError(column, "missing " + what(i), expected(i));
            }
            String want = SHAPE.get(i);
            if (want != null && !want.equals(words.get(i).text())) {
                throw new NatSyntaxError(column, "unexpected \"" + words.get(i).text() + "\": expected " + what(i),
                        expected(i));
            }
        }
        if (words.size() > SHAPE.size()) {
            Word extra = words.get(SHAPE.size());
            throw new NatSyntaxError(extra.column(), "unexpected \"" + extra.text() + "\" after the translation address",
                    List.of());
        }
        Word iface = words.get(2);
        if (!iface.text().matches("[a-z][a-z0-9_.]*")) {
            throw new NatSyntaxError(iface.column(), "invalid interface name \"" + iface.text() + "\"", List.of("lnk0"));
        }
        Prefix from = prefix(words.get(4));
        Word to = words.get(8);
        IpAddress addr = IpAddress.tryParse(to.text());
        if (addr == null || !addr.isV4()) {
            throw new NatSyntaxError(to.column(), "invalid translation address \"" + to.text()
                    + "\": an IPv4 address of this router", List.of("ADDRESS"));
        }
        return new NatRule(iface.text(), from, addr);
    }

    private static Prefix prefix(Word w) throws NatSyntaxError {
        String[] parts = w.text().split("/", -1);
        IpAddress a = parts.length <= 2 ? IpAddress.tryParse(parts[0]) : null;
        if (a == null || !a.isV4()) {
            throw new NatSyntaxError(w.column(), "invalid source \"" + w.text() + "\": an IPv4 address or network",
                    List.of("10.0.1.0/24"));
        }
        int len = 32;
        if (parts.length == 2) {
            if (!parts[1].matches("[0-9]{1,2}") || Integer.parseInt(parts[1]) > 32) {
                throw new NatSyntaxError(w.column() + parts[0].length() + 1, "invalid prefix length \"" + parts[1]
                        + "\"", List.of("0-32"));
            }
            len = Integer.parseInt(parts[1]);
        }
        return new Prefix(a, len);
    }

    private static String what(int i) {
        return switch (i) {
            case 2 -> "interface";
            case 4 -> "source address or network";
            case 8 -> "translation address";
            default -> "\"" + SHAPE.get(i) + "\"";
        };
    }

    private static List<String> expected(int i) {
        return switch (i) {
            case 2 -> List.of("lnk0");
            case 4 -> List.of("10.0.1.0/24");
            case 8 -> List.of("ADDRESS");
            default -> List.of(SHAPE.get(i));
        };
    }

    private static List<Word> split(String line) {
        List<Word> l = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                l.add(new Word(line.substring(start, i), start + 1));
            }
        }
        return l;
    }
}
