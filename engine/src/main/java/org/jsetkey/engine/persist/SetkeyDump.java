package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.persist.LineWords.Word;
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.spd.Level;

/**
 * One entry of {@code setkey -D} or {@code setkey -DP} output (the KAME/FreeBSD layout jsetkey's
 * {@code dump} and {@code spddump} print; ipsec-tools' variants where they differ only in names,
 * {@code prio} and trailing blanks) read back as the {@code add} or {@code spdadd} that makes it.
 * Counters, times, sequence numbers and ids are dropped; the state is what {@code add} gives
 * (mature). What {@code add} cannot make (a larval or dead SA, use-time limits, policy
 * lifetimes) is an error at its word.
 */
final class SetkeyDump {
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]*[.:][0-9A-Fa-f:.]*(%[^\\s/\\[]+)?(/\\d+)?"
            + "(\\[[^\\]]*\\])?");
    private static final Pattern SA_LINE = Pattern.compile("(esp|ah|ipcomp|tcp)(-[a-z]+)? mode=.*");
    private static final Pattern POLICY_LINE = Pattern.compile("(in|out|fwd) .*");
    private static final Pattern KERNEL_LEVEL = Pattern.compile("(.*/)([a-z]+)([:#])([0-9]+)");
    private static final Pattern LIMIT = Pattern.compile("(\\d+)\\((s|bytes)\\)");

    private final List<List<Word>> rows = new ArrayList<>();
    private final SetkeyDraft draft;

    private SetkeyDump(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            List<Word> w = words(lines.get(i), i);
            if (!w.isEmpty()) {
                rows.add(w);
            }
        }
        draft = new SetkeyDraft(rows.get(0).get(0));
    }

    /** A first line: an address (with /plen or [port] for a policy) and the entry's next line indented. */
    static boolean starts(String line, String next) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || next == null || next.isEmpty()
                || next.charAt(0) != '\t') {
            return false;
        }
        String first = line.split("\\s+", 2)[0];
        String second = next.strip();
        return ADDRESS.matcher(first).matches() && (SA_LINE.matcher(second).matches()
                || POLICY_LINE.matcher(second).matches());
    }

    /** An SA entry (setkey -D lists newest first), not a policy (setkey -DP: oldest first). */
    static boolean isSa(String next) {
        return next != null && SA_LINE.matcher(next.strip()).matches();
    }

    /** What setkey prints for an empty database, read as nothing. */
    static boolean isEmptyNote(String stripped) {
        return stripped.equals("No SAD entries.") || stripped.equals("No SPD entries.");
    }

    static List<Statement> parse(List<String> lines) {
        SetkeyDump d = new SetkeyDump(lines);
        if (SA_LINE.matcher(text(d.rows.get(1))).matches()) {
            d.sa();
        } else {
            d.policy();
        }
        return d.draft.parse();
    }

    private static List<Word> words(String line, int lineNo) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (Character.isWhitespace(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            out.add(new Word(line.substring(start, i), start + 1, i - start, false, lineNo));
        }
        return out;
    }

    /** FreeBSD's {@code NAT: OAI=ADDR} line of an esp-udp SA: setkey's {@code esp-udp ADDR} (" ADDR"), else "". */
    private String natOriginalAddress() {
        Word oai = natWord("OAI=");
        return oai == null ? "" : " " + oai.text().substring(4);
    }

    /** The {@code OAI=} or {@code OAR=} word of the {@code NAT:} line, null when there is none. */
    private Word natWord(String prefix) {
        for (List<Word> r : rows) {
            if (r.get(0).text().equals("NAT:")) {
                for (Word w : r) {
                    if (w.text().startsWith(prefix)) {
                        return w;
                    }
                }
            }
        }
        return null;
    }

    /** {@code ADDR[port]} of the first line split at the bracket: address and port, or the word and null. */
    private static String[] addressAndPort(String word) {
        int b = word.indexOf('[');
        return b < 0 || !word.endsWith("]") ? new String[] {word, null}
                : new String[] {word.substring(0, b), word.substring(b + 1, word.length() - 1)};
    }

    private static String text(List<Word> row) {
        return String.join(" ", row.stream().map(Word::text).toList());
    }

    private void sa() {
        List<Word> head = rows.get(0);
        List<Word> id = rows.get(1);
        String type = id.get(0).text();
        int flags = 0;
        Word flagsWord = id.get(0);
        String state = "mature";
        Word stateWord = id.get(0);
        for (List<Word> r : rows) {
            for (Word w : r) {
                if (w.text().startsWith("flags=0x")) {
                    flags = (int) Long.parseLong(w.text().substring(8), 16);
                    flagsWord = w;
                } else if (w.text().startsWith("state=")) {
                    state = w.text().substring(6);
                    stateWord = w;
                }
            }
        }
        if (!state.equals("mature") && !state.equals("dying")) {
            throw LineWords.error(stateWord, "a " + state + " SA cannot be made by add",
                    List.of("state=mature", "state=dying"));
        }
        Word oai = natWord("OAI=");
        Word oar = natWord("OAR=");
        String[] src = addressAndPort(head.get(0).text());
        String[] dst = addressAndPort(head.size() > 1 ? head.get(1).text() : "");
        // both original addresses: FreeBSD's esp ... -natt OAI[sport] OAR[dport], the one spelling that keeps them
        boolean natt = type.equals("esp-udp") && oai != null && oar != null && src[1] != null && dst[1] != null;
        draft.add("add", head.get(0)).add(natt ? src[0] : head.get(0).text(), head.get(0));
        draft.add(natt ? dst[0] : head.size() > 1 ? head.get(1).text() : "", head.size() > 1 ? head.get(1)
                : head.get(0));
        boolean old = (flags & Algorithms.FLAG_OLD) != 0;
        draft.add(natt ? "esp" : type + (old && !type.endsWith("-old") ? "-old" : "") + natOriginalAddress(),
                id.get(0));
        for (Word w : id.subList(1, id.size())) {
            if (w.text().startsWith("spi=")) {
                draft.add(w.text().substring(4, paren(w.text())), w);
            }
        }
        if (natt) {
            draft.add("-natt " + oai.text().substring(4) + "[" + src[1] + "] " + oar.text().substring(4) + "["
                    + dst[1] + "]", oar);
        }
        for (Word w : id.subList(1, id.size())) {
            String t = w.text();
            if (t.startsWith("mode=")) {
                draft.add("-m " + t.substring(5), w);
            } else if (t.startsWith("reqid=") && !t.startsWith("reqid=0(")) {
                draft.add("-u " + t.substring(6, paren(t)), w);
            }
        }
        if ((flags & Algorithms.FLAG_CYCSEQ) == 0 && !old) {
            draft.add("-f nocyclic-seq", flagsWord);
        }
        if ((flags & Algorithms.FLAG_RANDOM_PAD) != 0) {
            draft.add("-f random-pad", flagsWord);
        }
        if ((flags & Algorithms.FLAG_ZERO_PAD) != 0) {
            draft.add("-f zero-pad", flagsWord);
        }
        if ((flags & Algorithms.FLAG_RAWCPI) != 0) {
            draft.add("-R", flagsWord);
        }
        List<String> algorithms = new ArrayList<>();
        List<Word> algorithmWords = new ArrayList<>();
        String ctxDoi = null;
        String ctxAlg = null;
        for (int i = 2; i < rows.size(); i++) {
            List<Word> r = rows.get(i);
            String first = r.get(0).text();
            switch (first) {
                case "E:", "A:", "C:" -> {
                    StringBuilder key = new StringBuilder();
                    int k = 2;
                    while (k < r.size() && r.get(k).text().matches("[0-9a-f]{1,8}")) {
                        key.append(r.get(k++).text());
                    }
                    while (i + 1 < rows.size() && rows.get(i + 1).get(0).text().matches("[0-9a-f]{1,8}")) {
                        for (Word g : rows.get(++i)) {
                            key.append(g.text());
                        }
                    }
                    algorithms.add(algorithm(first, r.get(1), flags) + (key.length() > 0 ? " 0x" + key : ""));
                    algorithmWords.add(r.get(1));
                    if (first.equals("C:") && k < r.size()) {
                        replay(r.subList(k, r.size()));
                    }
                }
                case "security" -> {
                    String rest = text(r);
                    if (rest.startsWith("security context doi: ")) {
                        ctxDoi = r.get(r.size() - 1).text();
                    } else if (rest.startsWith("security context algorithm: ")) {
                        ctxAlg = r.get(r.size() - 1).text();
                    } else if (rest.startsWith("security context: ")) {
                        String line = text(r);
                        draft.add("-ctx " + ctxDoi + " " + ctxAlg + " \"" + line.substring("security context: "
                                .length()) + "\"", r.get(0));
                    }
                }
                case "diff:" -> limits(r, "-lh", "-ls");
                case "current:" -> limits(r, "-bh", "-bs");
                case "last:" -> noLimits(r, "a use-time limit");
                case "created:", "allocated:", "NAT:" -> {
                }
                default -> {
                    if (first.startsWith("seq=")) {
                        replay(r);
                    } else if (!first.startsWith("sadb_seq=")) {
                        throw LineWords.error(r.get(0), "unexpected \"" + first + "\" in an SA dump",
                                List.of("E:", "A:", "C:", "seq=", "created:", "diff:", "last:", "current:",
                                        "allocated:", "sadb_seq="));
                    }
                }
            }
        }
        // a keyless algorithm (null) prints no line: esp without E: is -E null, ah without A: is -A null
        if (type.startsWith("esp") && algorithms.stream().noneMatch(a -> a.startsWith("-E "))) {
            algorithms.add(0, "-E null");
            algorithmWords.add(0, id.get(0));
        }
        if (type.startsWith("ah") && algorithms.isEmpty()) {
            algorithms.add("-A null");
            algorithmWords.add(id.get(0));
        }
        for (int i = 0; i < algorithms.size(); i++) {
            draft.add(algorithms.get(i), algorithmWords.get(i));
        }
    }

    private static int paren(String t) {
        int p = t.indexOf('(');
        return p < 0 ? t.length() : p;
    }

    private void replay(List<Word> r) {
        for (Word w : r) {
            if (w.text().startsWith("replay=") && !w.text().equals("replay=0")) {
                draft.add("-r " + w.text().substring(7), w);
            }
        }
    }

    /** {@code E: NAME}: the dump name (des-cbc also stands for des-deriv and des-32iv, told apart by flags). */
    private static String algorithm(String tag, Word name, int flags) {
        AlgorithmKind kind = tag.equals("E:") ? AlgorithmKind.ENCRYPT : tag.equals("A:") ? AlgorithmKind.AUTH
                : AlgorithmKind.COMPRESS;
        String option = tag.equals("E:") ? "-E " : tag.equals("A:") ? "-A " : "-C ";
        if (name.text().equals("des-cbc") && (flags & Algorithms.FLAG_DERIV) != 0) {
            return option + "des-deriv";
        }
        if (name.text().equals("des-cbc") && (flags & Algorithms.FLAG_IV4B) != 0) {
            return option + "des-32iv";
        }
        for (Algorithm a : Algorithms.of(kind)) {
            if (a.dumpName().equals(name.text()) && (a.name().equals(name.text()) || a.hasName(name.text())
                    || !Algorithms.find(kind, name.text()).isPresent())) {
                return option + a.name();
            }
        }
        Optional<Algorithm> a = Algorithms.find(kind, name.text());
        return option + (a.isPresent() ? a.get().name() : name.text());
    }

    /** {@code diff: N(s)\thard: H(s)\tsoft: S(s)} and {@code current: N(bytes)\thard: ...}. */
    private void limits(List<Word> r, String hard, String soft) {
        for (int i = 1; i + 1 < r.size(); i++) {
            String which = r.get(i).text();
            Matcher m = LIMIT.matcher(r.get(i + 1).text());
            if ((which.equals("hard:") || which.equals("soft:")) && m.matches() && !m.group(1).equals("0")) {
                draft.add((which.equals("hard:") ? hard : soft) + " " + m.group(1), r.get(i + 1));
            }
        }
    }

    private static void noLimits(List<Word> r, String what) {
        for (int i = 1; i + 1 < r.size(); i++) {
            String which = r.get(i).text();
            Matcher m = LIMIT.matcher(r.get(i + 1).text());
            if ((which.equals("hard:") || which.equals("soft:")) && m.matches() && !m.group(1).equals("0")) {
                throw LineWords.error(r.get(i + 1), what + " has no setkey equivalent", List.of("0(s)"));
            }
        }
    }

    private void policy() {
        List<Word> head = rows.get(0);
        draft.add("spdadd", head.get(0));
        head(head);
        List<String> ctx = new ArrayList<>();
        Word ctxWord = null;
        List<Word> action = rows.get(1);
        List<Word> rules = new ArrayList<>();
        for (int i = 2; i < rows.size(); i++) {
            List<Word> r = rows.get(i);
            String first = r.get(0).text();
            if (first.contains("/")) {
                rules.add(r.get(0));
            } else if (first.equals("security")) {
                ctx.add(r.get(r.size() - 1).text());
                String line = text(r);
                if (line.startsWith("security context: ")) {
                    ctx.set(ctx.size() - 1, line.substring("security context: ".length()));
                    ctxWord = r.get(0);
                }
            } else if (!first.equals("lifetime:") && !first.equals("created:") && !first.startsWith("spid=")
                    && !first.startsWith("refcnt=")) {
                throw LineWords.error(r.get(0), "unexpected \"" + first + "\" in a policy dump",
                        List.of("proto/mode/src-dst/level", "created:", "lifetime:", "spid=", "refcnt="));
            } else if (first.equals("lifetime:")) {
                for (Word w : r) {
                    if (w.text().matches("[1-9][0-9]*\\(s\\)")) {
                        throw LineWords.error(w, "a policy lifetime has no setkey equivalent", List.of("0(s)"));
                    }
                }
            }
        }
        if (ctxWord != null && ctx.size() == 4) {
            draft.add("-ctx " + ctx.get(0) + " " + ctx.get(1) + " \"" + ctx.get(3) + "\"", ctxWord);
        }
        draft.add("-P", action.get(0));
        for (Word w : action) {
            draft.add(w.text(), w);
        }
        for (int i = 0; i < rules.size(); i++) {
            rule(i, rules.get(i));
        }
    }

    /**
     * The selector line; {@code icmp type 0 code 0} (a Linux selector for exactly 0, as spddump prints it)
     * is read as that selector.
     */
    private void head(List<Word> head) {
        int i = 0;
        for (; i < head.size() && !head.get(i).text().equals("type") && !head.get(i).text().equals("code"); i++) {
            draft.add(head.get(i).text(), head.get(i));
        }
        if (i == head.size()) {
            return;
        }
        long[] typeCode = {0, 0};
        boolean[] given = {false, false};
        Word at = head.get(i);
        while (i < head.size()) {
            Word w = head.get(i);
            int k = w.text().equals("type") ? 0 : w.text().equals("code") ? 1 : -1;
            if (k < 0 || given[k] || i + 1 == head.size()) {
                throw LineWords.error(w, "unexpected \"" + w.text() + "\" in a policy's selector",
                        List.of("type N", "code N"));
            }
            typeCode[k] = SequenceMark.number(head.get(i + 1), k == 0 ? "ICMP type" : "ICMP code", 255);
            given[k] = true;
            i += 2;
        }
        draft.kernel().exactZero(given[0] && typeCode[0] == 0, given[1] && typeCode[1] == 0);
        if (typeCode[0] != 0 || typeCode[1] != 0) {
            draft.add(typeCode[0] + "," + typeCode[1], at);
        }
    }

    /**
     * A rule as printed; a reqid the setkey language cannot state ({@code unique#16385} chosen by a kernel,
     * {@code use:5} from a Linux template) is read as printed.
     */
    private void rule(int index, Word r) {
        Matcher m = KERNEL_LEVEL.matcher(r.text());
        if (!m.matches() || m.group(2).equals("unique") && m.group(3).equals(":")) {
            draft.add(r.text(), r);
            return;
        }
        long reqid = SequenceMark.number(new Word(m.group(4), r.column() + m.start(4), m.group(4).length(), false,
                r.line()), "reqid", 0xffffffffL);
        Level level = m.group(2).equals("use") ? Level.USE : Level.UNIQUE;
        if (!m.group(2).equals("use") && !m.group(2).equals("unique")) {
            throw LineWords.error(r, "a reqid with level " + m.group(2) + " is not a kernel's level",
                    List.of("unique:N", "unique#N", "use:N", "use#N"));
        }
        draft.add(m.group(1) + (level == Level.USE ? "use" : "require"), r);
        if (reqid != 0) {
            draft.kernel().rule(index, level, reqid);
        }
    }
}
