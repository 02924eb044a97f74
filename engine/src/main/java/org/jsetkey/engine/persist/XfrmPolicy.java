package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.persist.LineWords.Word;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Priority;

/** {@code ip xfrm policy ...} as a setkey {@code spdadd}, {@code spdupdate}, {@code spddelete}, {@code spdflush} or {@code spddump}. */
final class XfrmPolicy {
    private static final List<String> TMPL_WORDS = List.of("src", "dst", "proto", "spi", "mode", "reqid", "level");
    private static final List<String> TMPL_ID_WORDS = List.of("src", "dst", "proto", "spi");
    private static final List<String> SELECTOR_WORDS = List.of("src", "dst", "proto", "sport", "dport", "type", "code",
            "key", "dev");
    /** The words iproute2's policy command knows besides the selector's. */
    private static final List<String> POLICY_WORDS = List.of("dir", "ctx", "index", "ptype", "action", "priority",
            "flag", "limit", "tmpl", "mark", "if_id", "offload");

    private final Word command;
    private Word src;
    private Word dst;
    private Word proto;
    private Word sport;
    private Word dport;
    private Word type;
    private Word code;
    private Word dir;
    private Word priority;
    private Word action;
    private Word ctx;
    private final List<String> rules = new ArrayList<>();
    private final List<Word> ruleWords = new ArrayList<>();

    private XfrmPolicy(Word command) {
        this.command = command;
    }

    static void translate(Word command, LineWords words, SetkeyDraft draft) {
        switch (command.text()) {
            case "flush" -> XfrmReader.alone("spdflush", command, words, draft);
            case "list", "show" -> XfrmReader.alone("spddump", command, words, draft);
            default -> new XfrmPolicy(command).policy(words, draft);
        }
    }

    private void policy(LineWords words, SetkeyDraft draft) {
        boolean delete = command.text().equals("delete");
        // iproute2 reads the selector's words as one run: one of them after another word is a
        // second selector ("duplicate") there, and so here
        boolean selectorSeen = false;
        boolean inSelector = false;
        while (!words.atEnd()) {
            Word w = words.next("option", List.of());
            boolean selectorWord = SELECTOR_WORDS.contains(w.text());
            if (selectorWord && selectorSeen && !inSelector || !selectorWord && !POLICY_WORDS.contains(w.text())
                    && selectorSeen) {
                throw LineWords.error(w, "duplicate \"unknown\": \"" + w.text() + "\" is the second value",
                        List.of());
            }
            inSelector = selectorWord;
            selectorSeen |= selectorWord;
            switch (w.text()) {
                case "src" -> src = words.next("prefix", List.of("ADDR[/PLEN]"));
                case "dst" -> dst = words.next("prefix", List.of("ADDR[/PLEN]"));
                case "proto" -> proto = words.next("protocol", List.of("tcp", "udp", "icmp", "ipv6-icmp", "NUMBER"));
                case "sport" -> sport = words.next("port", List.of("PORT"));
                case "dport" -> dport = words.next("port", List.of("PORT"));
                case "type" -> type = words.next("ICMP type", List.of("NUMBER"));
                case "code" -> code = words.next("ICMP code", List.of("NUMBER"));
                case "dir" -> dir = words.next("direction", List.of("in", "out", "fwd"));
                case "ctx" -> ctx = words.next("context", List.of("CTX"));
                case "priority" -> priority = words.next("priority", List.of("NUMBER"));
                case "action" -> action = words.next("action", List.of("allow", "block"));
                case "ptype" -> {
                    Word t = words.next("policy type", List.of("main"));
                    if (!t.text().equals("main")) {
                        throw LineWords.error(t, "ptype " + t.text() + " has no setkey equivalent", List.of("main"));
                    }
                }
                case "tmpl" -> {
                    if (delete) {
                        throw XfrmReader.noEquivalent(w);
                    }
                    template(w, words, draft);
                }
                default -> throw XfrmReader.noEquivalent(w);
            }
        }
        if (src == null || dst == null || dir == null) {
            String what = src == null ? "src ADDR[/PLEN]" : dst == null ? "dst ADDR[/PLEN]" : "dir in|out|fwd";
            throw LineWords.error(command, "missing " + what, List.of(what));
        }
        draft.add(delete ? "spddelete" : command.text().equals("update") ? "spdupdate" : "spdadd", command);
        selector(draft);
        if (ctx != null) {
            draft.add("-ctx 1 1 \"" + ctx.text() + "\"", ctx);
        }
        draft.add("-P " + dir.text(), dir);
        if (delete) {
            return;
        }
        if (priority == null) {
            // Linux's default priority is 0, before every setkey priority
            draft.add("prio " + Priority.DEFAULT_BASE, command);
        } else {
            long stored = XfrmReader.number(priority, "priority");
            if (stored != Priority.DEFAULT_BASE) {
                // 2^31 is what setkey sends without a prio: read as none, it saves back the same
                draft.add("prio " + (Priority.DEFAULT_BASE - stored), priority);
            }
        }
        if (action != null && !action.text().equals("allow") && !action.text().equals("block")) {
            throw LineWords.error(action, "unknown action \"" + action.text() + "\"", List.of("allow", "block"));
        }
        if (action != null && action.text().equals("block")) {
            if (!rules.isEmpty()) {
                throw LineWords.error(action, "action block with templates has no setkey equivalent", List.of());
            }
            draft.add("discard", action);
        } else if (rules.isEmpty()) {
            draft.add("none", action == null ? command : action);
        } else {
            draft.add("ipsec", command);
            for (int i = 0; i < rules.size(); i++) {
                draft.add(rules.get(i), ruleWords.get(i));
            }
        }
    }

    private void selector(SetkeyDraft draft) {
        String upper = "any";
        boolean icmp = false;
        if (proto != null) {
            switch (proto.text()) {
                case "tcp", "udp" -> upper = proto.text();
                case "icmp" -> {
                    upper = "icmp";
                    icmp = true;
                }
                case "ipv6-icmp", "icmpv6" -> {
                    upper = "icmp6";
                    icmp = true;
                }
                default -> {
                    int named = IpProtocol.byName(proto.text());
                    if (named < 0 && !proto.text().matches("[0-9]+")) {
                        throw LineWords.error(proto, "unknown protocol \"" + proto.text() + "\"",
                                List.of("tcp", "udp", "icmp", "ipv6-icmp", "a name from /etc/protocols", "NUMBER"));
                    }
                    long n = named >= 0 ? named : SequenceMark.number(proto, "protocol", 255);
                    upper = n == 1 || n == 58 ? (n == 1 ? "icmp" : "icmp6") : Long.toString(n);
                    icmp = n == 1 || n == 58;
                    if (n == 0 || n == 255) {
                        throw LineWords.error(proto, "proto " + proto.text() + " has no setkey equivalent"
                                + " (iproute2 refuses it; leave proto out for any)", List.of("1-254"));
                    }
                    if (!icmp && n != 6 && n != 17 && n != 132 && n != 33 && (sport != null || dport != null)) {
                        throw LineWords.error(sport != null ? sport : dport, "\"sport\" and \"dport\" are invalid"
                                + " with PROTO value \"" + proto.text() + "\"", List.of());
                    }
                }
            }
        }
        if (icmp && (sport != null || dport != null)) {
            throw LineWords.error(sport != null ? sport : dport, "ports with ICMP: use type and code", List.of());
        }
        if (!icmp && (type != null || code != null)) {
            throw LineWords.error(type != null ? type : code, "type/code need proto icmp or ipv6-icmp", List.of());
        }
        draft.add(prefix(src) + (icmp ? "" : port(sport)), src);
        draft.add(prefix(dst) + (icmp ? "" : port(dport)), dst);
        if (icmp && (type != null || code != null)) {
            // Linux keeps a given type or code with a full mask, so 0 is exactly 0; setkey's 0 is any, so
            // the draft says any and the parsed selector is marked exact
            long t = type == null ? 0 : SequenceMark.number(type, "ICMP type", 255);
            long c = code == null ? 0 : SequenceMark.number(code, "ICMP code", 255);
            draft.kernel().exactZero(type != null && t == 0, code != null && c == 0);
            draft.add(t == 0 && c == 0 ? upper : upper + " " + t + "," + c, proto);
        } else {
            draft.add(upper, proto == null ? command : proto);
        }
    }

    private static String prefix(Word w) {
        String t = w.text();
        int slash = t.indexOf('/');
        XfrmReader.address(slash < 0 ? w : new Word(t.substring(0, slash), w.column(), slash, false, w.line()));
        return t;
    }

    private String port(Word w) {
        if (w == null) {
            return "[any]";
        }
        long p = SequenceMark.number(w, "port", 65535);
        if (p == 0) {
            throw LineWords.error(w, "port 0 has no setkey equivalent (setkey's 0 means any)", List.of("1-65535"));
        }
        return "[" + p + "]";
    }

    private void template(Word tmpl, LineWords words, SetkeyDraft draft) {
        IpAddress tsrc = null;
        IpAddress tdst = null;
        String tproto = null;
        String mode = "transport";
        String level = "required";
        Word levelWord = tmpl;
        long reqid = 0;
        Word reqidWord = tmpl;
        boolean idSeen = false;
        boolean idEnded = false;
        while (!words.atEnd() && TMPL_WORDS.contains(words.peek().text())) {
            boolean id = TMPL_ID_WORDS.contains(words.peek().text());
            if (id && idEnded) {
                break; // iproute2 ends the template here: its address words come as one run
            }
            idEnded |= idSeen && !id;
            idSeen |= id;
            Word w = words.next("option", TMPL_WORDS);
            Word v = words.next(w.text(), List.of());
            switch (w.text()) {
                case "src" -> tsrc = XfrmReader.address(v);
                case "dst" -> tdst = XfrmReader.address(v);
                case "proto" -> {
                    if (!List.of("esp", "ah", "comp").contains(v.text())) {
                        throw LineWords.error(v, "protocol \"" + v.text() + "\" has no setkey equivalent",
                                List.of("esp", "ah", "comp"));
                    }
                    tproto = v.text().equals("comp") ? "ipcomp" : v.text();
                }
                case "spi" -> {
                    if (XfrmReader.number(v, "SPI") != 0) {
                        throw LineWords.error(v, "a template SPI has no setkey equivalent", List.of("0"));
                    }
                }
                case "mode" -> {
                    if (!v.text().equals("transport") && !v.text().equals("tunnel")) {
                        throw LineWords.error(v, "mode " + v.text() + " has no setkey equivalent",
                                List.of("transport", "tunnel"));
                    }
                    mode = v.text();
                }
                case "reqid" -> {
                    reqid = XfrmReader.number(v, "reqid");
                    reqidWord = v;
                }
                default -> {
                    if (!v.text().equals("required") && !v.text().equals("use")) {
                        throw LineWords.error(v, "unknown level \"" + v.text() + "\"", List.of("required", "use"));
                    }
                    level = v.text();
                    levelWord = v;
                }
            }
        }
        if (tproto == null) {
            throw LineWords.error(tmpl, "missing proto in tmpl", List.of("proto esp|ah|comp"));
        }
        if ((tsrc == null) != (tdst == null)) {
            throw LineWords.error(tmpl, "a tmpl needs both src and dst, or neither",
                    List.of("src ADDR dst ADDR"));
        }
        String ends = tsrc == null ? "" : tsrc.format() + "-" + tdst.format();
        String lvl = level.equals("use") ? "use" : "require";
        if (reqid != 0 && lvl.equals("require") && reqid <= PolicyRule.MAX_MANUAL_REQID) {
            lvl = "unique:" + reqid;
        } else if (reqid != 0) {
            // any 32-bit reqid, with either level: kept exactly, as the kernel holds it (use:N, unique#N)
            draft.kernel().rule(rules.size(), lvl.equals("use") ? Level.USE : Level.UNIQUE, reqid);
        }
        rules.add(tproto + "/" + mode + "/" + ends + "/" + lvl);
        ruleWords.add(reqid != 0 ? reqidWord : levelWord);
    }
}
