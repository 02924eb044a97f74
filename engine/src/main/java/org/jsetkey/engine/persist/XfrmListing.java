package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.persist.LineWords.Word;
import org.jsetkey.engine.setkey.stmt.Statement;

/**
 * One entry of the kernel's listing as iproute2 prints it ({@code ip xfrm state},
 * {@code ip xfrm policy}; plain, {@code -s} and {@code -o}) read as the {@code ip xfrm ... add}
 * command that makes it. What only reports (indexes, counters, times, masks left open, the
 * defaults {@code ptype main}, {@code share any}) is dropped; everything else goes to the
 * add reader, so an attribute with no setkey equivalent is an error at its word.
 */
final class XfrmListing {
    /** A listing line (or, with {@code -o}, a part of one between backslashes) as words. */
    private record Row(List<Word> words) {
        String first() {
            return words.isEmpty() ? "" : words.get(0).text();
        }
    }

    private final List<Row> rows;
    private final List<Word> out = new ArrayList<>();
    private int at;

    private XfrmListing(List<Row> rows) {
        this.rows = rows;
    }

    /** The first line of an entry: {@code src ...} at the start of a line, outside a statement. */
    static boolean starts(String line) {
        return line.startsWith("src ");
    }

    /** A line that continues the entry above it (indented). */
    static boolean continues(String line) {
        return !line.isBlank() && (line.charAt(0) == '\t' || line.charAt(0) == ' ');
    }

    static List<Statement> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.addAll(rows(lines.get(i), i));
        }
        XfrmListing l = new XfrmListing(rows);
        Word first = rows.get(0).words().get(0);
        boolean policy = rows.get(0).words().size() > 1 && rows.get(0).words().get(1).text().contains("/");
        SetkeyDraft draft = new SetkeyDraft(first);
        if (policy) {
            l.policy();
            XfrmPolicy.translate(first.as("add"), LineWords.of(l.out), draft);
        } else {
            l.state();
            XfrmState.translate(first.as("add"), LineWords.of(l.out), draft);
        }
        return draft.parse();
    }

    /** The words of one line; {@code ip -o} joins an entry's lines with a backslash. */
    private static List<Row> rows(String line, int lineNo) {
        List<Row> rows = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\') {
                rows.add(new Row(words));
                words = new ArrayList<>();
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '\\') {
                    i++;
                }
                words.add(new Word(line.substring(start, i), start + 1, i - start, false, lineNo));
            }
        }
        rows.add(new Row(words));
        rows.removeIf(r -> r.words().isEmpty());
        return rows;
    }

    private void policy() {
        while (at < rows.size()) {
            Row r = rows.get(at++);
            switch (r.first()) {
                case "lifetime" -> lifetime(r, false);
                case "tmpl" -> template(r);
                case "security" -> context(r);
                case "enc-mask" -> masks(r);
                default -> copy(r.words());
            }
        }
    }

    private void state() {
        String src = null;
        String dst = null;
        Row header = rows.get(0);
        if (header.words().size() >= 4) {
            src = header.words().get(1).text();
            dst = header.words().get(3).text();
        }
        while (at < rows.size()) {
            Row r = rows.get(at++);
            List<Word> w = r.words();
            switch (r.first()) {
                case "lifetime" -> lifetime(r, true);
                case "anti-replay" -> antiReplay(r);
                case "lastused" -> {
                }
                case "stats:" -> at++;
                case "sel" -> selector(r, src, dst);
                case "security" -> context(r);
                case "enc", "auth", "auth-trunc", "aead", "comp" -> algorithm(w);
                case "replay-window" -> replayLine(w);
                case "encap" -> encap(w);
                default -> copy(w);
            }
        }
    }

    /** {@code encap type espinudp sport S dport D addr A} as listed: {@code encap espinudp S D A} as added. */
    private void encap(List<Word> w) {
        out.add(w.get(0));
        for (int i = 1; i < w.size(); i += 2) {
            String name = w.get(i).text();
            if (!List.of("type", "sport", "dport", "addr").contains(name) || i + 1 >= w.size()) {
                throw XfrmReader.noEquivalent(w.get(i));
            }
            out.add(w.get(i + 1));
        }
    }

    /** Copies words, dropping report-only pairs and the decimal/hex echo iproute2 adds with -s. */
    private void copy(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String t = w.text();
            String next = i + 1 < words.size() ? words.get(i + 1).text() : "";
            if (t.equals("uid") || t.equals("index")) {
                i++;
            } else if (t.equals("ptype") && next.equals("main") || t.equals("share") && next.equals("any")
                    || t.equals("action") && next.equals("allow")) {
                i++;
            } else if (t.equals("flag") || t.equals("extra_flag")) {
                i = flags(words, i);
            } else if (t.startsWith("(0x") && t.endsWith(")")) {
                continue;
            } else {
                int paren = t.indexOf('(');
                out.add(paren > 0 && t.endsWith(")") ? new Word(t.substring(0, paren), w.column(), paren, false,
                        w.line()) : w);
            }
        }
    }

    /** {@code flag NAME...} / {@code extra_flag NAME...}: the names setkey can hold go on, others are errors. */
    private int flags(List<Word> words, int i) {
        Word kind = words.get(i);
        int j = i + 1;
        while (j < words.size() && !words.get(j).text().startsWith("(0x")
                && words.get(j).text().matches("[a-z][a-z0-9-]*")) {
            Word f = words.get(j);
            if (kind.text().equals("extra_flag") && f.text().equals("oseq-may-wrap")) {
                out.add(kind.as("extra-flag"));
                out.add(f);
            } else {
                out.add(kind.as(kind.text().equals("extra_flag") ? "extra-flag" : "flag"));
                out.add(f);
            }
            j++;
        }
        return j - 1;
    }

    private void replayLine(List<Word> w) {
        // "replay-window N [seq 0x...] [flag ...] [extra_flag ...] [(0x..)]": seq is a counter
        List<Word> kept = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).text().equals("seq")) {
                i++;
            } else {
                kept.add(w.get(i));
            }
        }
        copy(kept);
    }

    /** The replay window Linux holds beyond 32 packets shows only in the esn context. */
    private void antiReplay(Row r) {
        if (r.words().size() < 2 || !r.words().get(1).text().equals("esn")) {
            return;
        }
        while (at < rows.size() && !rows.get(at).first().isEmpty()
                && (rows.get(at).first().equals("seq-hi") || rows.get(at).first().equals("replay_window")
                || rows.get(at).first().matches("[0-9a-f]{8}"))) {
            Row x = rows.get(at++);
            if (x.first().equals("replay_window") && x.words().size() > 1) {
                Word n = x.words().get(1);
                String size = n.text().replace(",", "");
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i).text().equals("replay-window") && i + 1 < out.size()) {
                        out.set(i + 1, new Word(size, n.column(), size.length(), false, n.line()));
                    }
                }
            }
        }
    }

    /** {@code ENC NAME [0xKEY] [BITS] [(N bits)]}: a key of no bytes prints as nothing. */
    private void algorithm(List<Word> w) {
        List<Word> kept = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            String t = w.get(i).text();
            if (t.startsWith("(") && i + 1 < w.size() && w.get(i + 1).text().equals("bits)")) {
                i++;
                continue;
            }
            kept.add(w.get(i));
        }
        out.add(kept.get(0));
        if (kept.size() > 1) {
            out.add(kept.get(1));
        }
        boolean keyed = !kept.get(0).text().equals("comp");
        if (keyed && (kept.size() < 3 || !kept.get(2).text().startsWith("0x"))) {
            Word at = kept.get(kept.size() - 1);
            out.add(new Word("", at.column() + at.length(), 1, true, at.line()));
        }
        out.addAll(kept.subList(Math.min(2, kept.size()), kept.size()));
    }

    /** {@code tmpl src A dst B}: the unspecified address (0.0.0.0, ::) means no end points. */
    private void template(Row r) {
        List<Word> w = r.words();
        out.add(w.get(0));
        if (w.size() >= 5) {
            IpAddress s = IpAddress.tryParse(w.get(2).text());
            IpAddress d = IpAddress.tryParse(w.get(4).text());
            if (s != null && d != null && unspecified(s) && unspecified(d)) {
                copy(w.subList(5, w.size()));
                return;
            }
        }
        copy(w.subList(1, w.size()));
    }

    private static boolean unspecified(IpAddress a) {
        for (byte b : a.bytes()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code security context TEXT}. */
    private void context(Row r) {
        List<Word> w = r.words();
        if (w.size() >= 3 && w.get(1).text().equals("context")) {
            out.add(w.get(1).as("ctx"));
            out.add(w.get(2));
            return;
        }
        copy(w);
    }

    /** {@code enc-mask ffffffff auth-mask ffffffff comp-mask ffffffff}: any algorithm, as setkey's rules. */
    private void masks(Row r) {
        for (int i = 1; i < r.words().size(); i += 2) {
            if (!r.words().get(i).text().equals("ffffffff")) {
                throw XfrmReader.noEquivalent(r.words().get(i));
            }
        }
    }

    /**
     * {@code sel ...} of a state: all-zero (not printed) from ip, the SA's own two hosts from
     * PF_KEY (setkey on Linux); anything narrower has no setkey equivalent.
     */
    private void selector(Row r, String src, String dst) {
        List<Word> w = r.words();
        String own = "sel src " + src + "/" + (src != null && src.contains(":") ? 128 : 32) + " dst " + dst + "/"
                + (dst != null && dst.contains(":") ? 128 : 32);
        String text = String.join(" ", w.stream().map(Word::text).toList());
        if (!text.equals(own) && !text.matches("sel src (0\\.0\\.0\\.0|::)/0 dst (0\\.0\\.0\\.0|::)/0")) {
            throw LineWords.error(w.get(0), "a state selector other than its own addresses has no setkey equivalent",
                    List.of(own));
        }
    }

    /** {@code lifetime config:} (four rows) maps to limits; {@code lifetime current:} (two rows) is a counter. */
    private void lifetime(Row r, boolean state) {
        boolean config = r.words().size() > 1 && r.words().get(1).text().equals("config:");
        if (!config) {
            at += 2;
            return;
        }
        for (int k = 0; k < 4 && at < rows.size(); k++) {
            List<Word> w = rows.get(at++).words();
            // "limit: soft X(bytes), hard Y(bytes)" / "expire add: soft N(sec), hard M(sec)"
            boolean isLimit = w.get(0).text().equals("limit:");
            if (w.size() < (isLimit ? 5 : 6)) {
                throw LineWords.error(w.get(0), "unexpected lifetime line", List.of());
            }
            Word soft = w.get(isLimit ? 2 : 3);
            Word hard = w.get(isLimit ? 4 : 5);
            String kind = isLimit ? (soft.text().contains("packets") ? "packet" : "byte")
                    : w.get(1).text().equals("add:") ? "time" : "use";
            limit(kind, "soft", soft, state);
            limit(kind, "hard", hard, state);
        }
    }

    private void limit(String kind, String which, Word value, boolean state) {
        String t = value.text();
        String n = t.substring(0, Math.max(0, t.indexOf('('))).replace(",", "");
        if (n.isEmpty() && t.startsWith("(INF)") || n.equals("0")) {
            return;
        }
        if (!state || kind.equals("packet") || kind.equals("use")) {
            throw LineWords.error(value, (state ? "a " + kind + " limit" : "a policy lifetime")
                    + " has no setkey equivalent", List.of(state ? "(INF) or 0" : "(INF) or 0"));
        }
        Word limit = value.as("limit");
        out.add(limit);
        out.add(value.as(kind + "-" + which));
        out.add(new Word(n, value.column(), n.length(), false, value.line()));
    }
}
