package org.jsetkey.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a {@code dump} or {@code spddump} text a consistent snapshot, checked line by line:
 * <ul>
 * <li>every entry is printed whole: each of its lines, in the order setkey prints them;</li>
 * <li>the count the dump states is the count it printed: {@code sadb_seq=} (SAD) and {@code seq=}
 *     (SPD) count down from N-1 to 0 over the N entries shown;</li>
 * <li>no entry twice (SAD: dst, protocol, SPI; SPD: spid), policies grouped in, out, fwd;</li>
 * <li>a dump without {@code -a} shows no {@code dead} SA;</li>
 * <li>an SA's keys come from one statement: the writers give each {@code add}/{@code update} one
 *     generation byte, repeated through the E and the A key, so a torn update (the key of one
 *     statement with the key of another) shows two different bytes.</li>
 * </ul>
 * Each check returns the problems found (empty when consistent).
 */
final class DumpConsistency {
    private static final Pattern SA_HEAD = Pattern.compile("\\S+ \\S+");
    private static final Pattern SA_ID = Pattern.compile(
            "\t(esp|ah|ipcomp|esp-old|ah-old|tcp) mode=(any|transport|tunnel) spi=(\\d+)\\(0x[0-9a-f]{8}\\) "
                    + "reqid=\\d+\\(0x[0-9a-f]{8}\\)");
    private static final Pattern KEY = Pattern.compile("\t([EA]): \\S+ ((?: [0-9a-f]{2,8})+)");
    private static final Pattern SA_SEQ = Pattern.compile(
            "\tseq=0x[0-9a-f]{8,} replay=\\d+ flags=0x[0-9a-f]{8} state=(larval|mature|dying|dead) ");
    private static final Pattern[] SA_TAIL = {
        Pattern.compile("\tcreated: .{20}\tcurrent: .{20}"),
        Pattern.compile("\tdiff: \\d+\\(s\\)\thard: \\d+\\(s\\)\tsoft: \\d+\\(s\\)"),
        Pattern.compile("\tlast: .{20}\thard: 0\\(s\\)\tsoft: 0\\(s\\)"),
        Pattern.compile("\tcurrent: \\d+\\(bytes\\)\thard: \\d+\\(bytes\\)\tsoft: \\d+\\(bytes\\)"),
        Pattern.compile("\tallocated: \\d+\thard: 0\tsoft: 0"),
    };
    private static final Pattern SADB_SEQ = Pattern.compile("\tsadb_seq=(\\d+) pid=\\d+ refcnt=1");

    private static final Pattern SP_DIR = Pattern.compile("\t(in|out|fwd)( prio\\S* ?\\S*)? (ipsec|none|discard)");
    private static final Pattern SP_RULE = Pattern.compile("\t(esp|ah|ipcomp)/(transport|tunnel)/\\S*/\\S+");
    private static final Pattern SP_CREATED = Pattern.compile("\tcreated: .{20}  lastused: .{20}");
    private static final Pattern SP_SPID = Pattern.compile("\tspid=(\\d+) seq=(\\d+) pid=\\d+");

    private DumpConsistency() {
    }

    /** Problems in a {@code dump} text; {@code ids} receives each SA shown as "dst proto spi". */
    static List<String> sad(String text, boolean includeDead, List<String> ids) {
        List<String> problems = new ArrayList<>();
        if (text.equals("No SAD entries.\n")) {
            return problems;
        }
        String[] lines = text.split("\n", -1);
        if (!lines[lines.length - 1].isEmpty()) {
            problems.add("the dump does not end with a whole line");
        }
        int n = lines.length - 1;
        List<Long> seqs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        while (i < n && problems.size() < 5) {
            int start = i;
            String head = lines[i++];
            Matcher id = i < n ? SA_ID.matcher(lines[i]) : null;
            if (!SA_HEAD.matcher(head).matches() || id == null || !id.matches()) {
                problems.add("an SA block does not start with its addresses and id at line " + start + ": " + head);
                break;
            }
            i++;
            String key = head.split(" ")[1] + " " + id.group(1) + " " + id.group(3);
            if (!seen.add(key)) {
                problems.add("the SA " + key + " is shown twice");
            }
            ids.add(key);
            Set<String> generations = new HashSet<>();
            while (i < n && lines[i].startsWith("\tE: ") || i < n && lines[i].startsWith("\tA: ")) {
                Matcher k = KEY.matcher(lines[i++]);
                if (!k.matches()) {
                    problems.add("a key line of " + key + " is cut: " + lines[i - 1]);
                } else {
                    generations.add(generation(k.group(2)));
                }
            }
            generations.remove(null);
            if (generations.size() > 1) {
                problems.add("the SA " + key + " shows the keys of two statements: " + generations);
            }
            Matcher seq = i < n ? SA_SEQ.matcher(lines[i]) : null;
            if (seq == null || !seq.matches()) {
                problems.add("the SA " + key + " is cut before its state line");
                break;
            }
            i++;
            if (!includeDead && seq.group(1).equals("dead")) {
                problems.add("the SA " + key + " is shown dead in a dump without -a");
            }
            for (Pattern p : SA_TAIL) {
                if (i >= n || !p.matcher(lines[i]).matches()) {
                    problems.add("the SA " + key + " is cut: expected " + p + " at line " + i);
                    return problems;
                }
                i++;
            }
            Matcher last = i < n ? SADB_SEQ.matcher(lines[i]) : null;
            if (last == null || !last.matches()) {
                problems.add("the SA " + key + " has no sadb_seq line");
                break;
            }
            i++;
            seqs.add(Long.parseLong(last.group(1)));
        }
        countsDown(seqs, "sadb_seq", problems);
        return problems;
    }

    /** Problems in a {@code spddump} text. */
    static List<String> spd(String text) {
        List<String> problems = new ArrayList<>();
        if (text.equals("No SPD entries.\n")) {
            return problems;
        }
        String[] lines = text.split("\n", -1);
        int n = lines.length - 1;
        List<Long> seqs = new ArrayList<>();
        Set<Long> spids = new HashSet<>();
        int lastDirection = -1;
        int i = 0;
        while (i < n && problems.size() < 5) {
            String head = lines[i++];
            Matcher dir = i < n ? SP_DIR.matcher(lines[i]) : null;
            if (head.startsWith("\t") || dir == null || !dir.matches()) {
                problems.add("a policy block does not start with its selector and direction at line " + (i - 1));
                break;
            }
            i++;
            int direction = List.of("in", "out", "fwd").indexOf(dir.group(1));
            if (direction < lastDirection) {
                problems.add("policies are not grouped in, out, fwd: " + head + " " + dir.group(1));
            }
            lastDirection = direction;
            while (i < n && SP_RULE.matcher(lines[i]).matches()) {
                i++;
            }
            if (i + 3 >= n || !SP_CREATED.matcher(lines[i]).matches()
                    || !lines[i + 1].equals("\tlifetime: 0(s) validtime: 0(s)")
                    || !SP_SPID.matcher(lines[i + 2]).matches() || !lines[i + 3].equals("\trefcnt=1")) {
                problems.add("the policy " + head + " is cut at line " + i);
                break;
            }
            Matcher spid = SP_SPID.matcher(lines[i + 2]);
            spid.matches();
            if (!spids.add(Long.parseLong(spid.group(1)))) {
                problems.add("spid " + spid.group(1) + " is shown twice");
            }
            seqs.add(Long.parseLong(spid.group(2)));
            i += 4;
        }
        countsDown(seqs, "seq", problems);
        return problems;
    }

    private static void countsDown(List<Long> seqs, String name, List<String> problems) {
        for (int k = 0; k < seqs.size(); k++) {
            if (seqs.get(k) != seqs.size() - 1 - k) {
                problems.add(name + " of entry " + k + " is " + seqs.get(k) + " in a dump of " + seqs.size()
                        + " entries (the count it states is not the count it printed)");
                return;
            }
        }
    }

    /** The byte a key repeats ("1f" for 0x1f1f1f...), or null for a key that is not one byte repeated. */
    private static String generation(String hex) {
        String digits = hex.replace(" ", "");
        String b = digits.substring(0, 2);
        return digits.equals(b.repeat(digits.length() / 2)) ? b : null;
    }
}
