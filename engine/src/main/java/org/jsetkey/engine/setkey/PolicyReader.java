package org.jsetkey.engine.setkey;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Priority;

/** Reads the policy text after {@code -P} (architecture.md §6.3-§6.5). */
final class PolicyReader {
    private static final List<String> LEVEL_CHOICES = Stream.concat(Grammar.LEVELS.stream(), Stream.of("unique:N"))
            .toList();
    private static final long MAX_UNIQUE = 0x3fff;
    private static final long HALF_RANGE = 1L << 30;

    private PolicyReader() {
    }

    /** @param directionOnly spddelete: the direction counts, whatever follows it is skipped */
    static PolicyPart read(Cursor c, boolean directionOnly) {
        Token p = c.next(SlotKind.POLICY, "-P direction ...", List.of("-P"));
        if (!p.isOption("-P")) {
            throw new ParseError(p, (p.is(TokenKind.SEMICOLON) ? "missing policy before "
                    : "syntax error at ") + p.quoted() + ": expected -P", List.of("-P"));
        }
        Token d = c.next(SlotKind.DIRECTION, "policy direction", Grammar.DIRECTIONS);
        Direction dir = d.is(TokenKind.POLICY_WORD) ? Keywords.find(Direction.values(), d.text()) : null;
        if (dir == null) {
            throw new ParseError(d, d.is(TokenKind.SEMICOLON) ? "missing direction after -P"
                    : "Invalid direction " + d.quoted(), Grammar.DIRECTIONS);
        }
        if (directionOnly) {
            while (c.peek().is(TokenKind.POLICY_WORD)) {
                c.next();
            }
            return new PolicyPart(dir, null, PolicyAction.NONE, d, List.of());
        }
        if (c.peek().is(TokenKind.SEMICOLON)) {
            // ipsec-tools' policy grammar takes a bare direction: type 0 (discard), priority 0
            c.warn(d, "no action after -P " + dir.keyword() + ": a discard policy with priority 0, as ipsec-tools'"
                    + " setkey sends it to the kernel");
            return new PolicyPart(dir, new Priority(0), PolicyAction.DISCARD, d, List.of());
        }
        List<String> next = new ArrayList<>(Grammar.PRIORITY_WORDS);
        next.addAll(Grammar.SPD_ACTIONS);
        Token a = c.next(SlotKind.ACTION, "policy action (or a priority)", next);
        Priority priority = null;
        if (a.is(TokenKind.POLICY_WORD) && Grammar.PRIORITY_WORDS.contains(a.text())) {
            priority = priority(c);
            a = c.next(SlotKind.ACTION, "policy action", Grammar.SPD_ACTIONS);
        }
        PolicyAction action = a.is(TokenKind.POLICY_WORD) ? Keywords.find(PolicyAction.values(), a.text()) : null;
        if (action == null) {
            throw new ParseError(a, a.is(TokenKind.SEMICOLON) ? "missing policy action"
                    : "invalid policy action " + a.quoted(), Grammar.SPD_ACTIONS);
        }
        List<PolicyRule> rules = new ArrayList<>();
        while (true) {
            Token r = c.peek(SlotKind.RULE, "proto/mode/src-dst/level", action == PolicyAction.IPSEC
                    ? ruleCandidates() : List.of(";"));
            if (!r.is(TokenKind.POLICY_WORD)) {
                break;
            }
            c.next();
            if (action != PolicyAction.IPSEC) {
                throw new ParseError(r, "rules are only for ipsec policies, not " + action.keyword());
            }
            rules.add(rule(r));
        }
        return new PolicyPart(dir, priority, action, a, rules);
    }

    /** Every rule shape completion offers (filtered by what was typed). */
    static List<String> ruleCandidates() {
        List<String> l = new ArrayList<>();
        for (String proto : Grammar.RULE_PROTOCOLS) {
            for (String level : Grammar.LEVELS) {
                l.add(proto + "/transport//" + level);
            }
            l.add(proto + "/tunnel/");
        }
        return l;
    }

    private static Priority priority(Cursor c) {
        Token b = c.next(SlotKind.PRIORITY, "priority: offset, or low/def/high [+|- n]", Grammar.PRIORITY_BASES);
        if (!b.is(TokenKind.POLICY_WORD)) {
            throw new ParseError(b, "missing priority", Grammar.PRIORITY_BASES);
        }
        long base;
        switch (b.text()) {
            case "low":
                base = Priority.LOW_BASE;
                break;
            case "def":
                base = Priority.DEFAULT_BASE;
                break;
            case "high":
                base = Priority.HIGH_BASE;
                break;
            default:
                long offset = signed(b, b.text());
                if (offset < -2147483647L || offset > 2147483648L) {
                    throw rangeError(b);
                }
                return new Priority(Priority.DEFAULT_BASE - offset);
        }
        Token s = c.peek(SlotKind.PRIORITY, "+ n or - n, or the action", List.of("+", "-"));
        if (!s.is(TokenKind.POLICY_WORD) || !(s.text().startsWith("+") || s.text().startsWith("-"))) {
            return new Priority(base);
        }
        c.next();
        String sign = s.text().substring(0, 1);
        Token numTok = s;
        String digits = s.text().substring(1);
        if (digits.isEmpty()) {
            numTok = c.next(SlotKind.NUMBER, "priority offset", List.of());
            digits = numTok.text();
        }
        long n = signed(numTok, digits);
        if (n < 0 || (sign.equals("+") ? n > HALF_RANGE : n > HALF_RANGE - 1)) {
            throw rangeError(numTok);
        }
        long stored = sign.equals("+") ? base - n : base + n;
        return new Priority(stored);
    }

    private static long signed(Token t, String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            throw new ParseError(t, "invalid priority " + t.quoted(), List.of("low", "def", "high", "a number"));
        }
        BigInteger v = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (v.bitLength() > 40) {
            throw rangeError(t);
        }
        return v.longValue();
    }

    private static ParseError rangeError(Token t) {
        return new ParseError(t, "Priority offset not in valid range [-2147483647, 2147483648]");
    }

    /**
     * A tunnel end point, {@code addr} or ipsec-tools' {@code addr[port]} (the NAT-T port of an
     * esp-udp SA); the port only selects the SA's encapsulation, so the rule keeps the address,
     * as KAME's -DP prints it. Null when invalid.
     */
    private static IpAddress endpoint(String text) {
        int open = text.indexOf('[');
        if (open < 0) {
            return IpAddress.tryParse(text);
        }
        String port = text.substring(open + 1, text.length() - 1);
        if (!text.endsWith("]") || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            return null;
        }
        return IpAddress.tryParse(text.substring(0, open));
    }

    static PolicyRule rule(Token t) {
        String[] parts = t.text().split("/", -1);
        if (parts.length > 4) {
            throw new ParseError(t, "invalid rule " + t.quoted(), List.of("proto/mode/src-dst/level"));
        }
        SaType proto = ruleProtocol(t, parts[0]);
        if (parts.length < 2 || parts[1].isEmpty()) {
            throw new ParseError(t, "Too few arguments in rule " + t.quoted(), List.of("proto/mode/src-dst/level"));
        }
        SaMode mode = Grammar.RULE_MODES.contains(parts[1]) ? Keywords.find(SaMode.values(), parts[1]) : null;
        if (mode == null) {
            throw new ParseError(t, "Invalid ipsec mode \"" + parts[1] + "\" in rule " + t.quoted(),
                    Grammar.RULE_MODES);
        }
        String ends = parts.length > 2 ? parts[2] : "";
        IpAddress src = null;
        IpAddress dst = null;
        if (!ends.isEmpty()) {
            String[] pair = ends.split("-", -1);
            src = pair.length == 2 ? endpoint(pair[0]) : null;
            dst = pair.length == 2 ? endpoint(pair[1]) : null;
            if (src == null || dst == null) {
                throw new ParseError(t, "Invalid address specification \"" + ends + "\" in rule " + t.quoted(),
                        List.of("src-dst"));
            }
            if (!src.sameFamily(dst)) {
                throw new ParseError(t, "Family mismatch in rule " + t.quoted());
            }
        } else if (mode == SaMode.TUNNEL) {
            throw new ParseError(t, "Invalid address specification: tunnel rule " + t.quoted()
                    + " needs src-dst end points");
        }
        String lvl = parts.length > 3 ? parts[3] : "";
        long reqid = 0;
        Level level;
        if (lvl.isEmpty()) {
            level = Level.DEFAULT;
        } else if (lvl.startsWith("unique:")) {
            String n = lvl.substring("unique:".length());
            if (!n.matches("[0-9]{1,6}") || Long.parseLong(n) < 1 || Long.parseLong(n) > MAX_UNIQUE) {
                throw new ParseError(t, "Invalid ipsec level \"" + lvl + "\" in rule " + t.quoted(),
                        List.of("unique:1-16383"));
            }
            level = Level.UNIQUE;
            reqid = Long.parseLong(n);
        } else {
            level = Keywords.find(Level.values(), lvl);
            if (level == null) {
                throw new ParseError(t, "Invalid ipsec level \"" + lvl + "\" in rule " + t.quoted(),
                        LEVEL_CHOICES);
            }
        }
        return new PolicyRule(proto, mode, src, dst, level, reqid);
    }

    private static SaType ruleProtocol(Token t, String word) {
        if (word.isEmpty()) {
            throw new ParseError(t, "No protocol specified in rule " + t.quoted(), Grammar.RULE_PROTOCOLS);
        }
        if (!Grammar.RULE_PROTOCOLS.contains(word)) {
            throw new ParseError(t, "invalid protocol \"" + word + "\" in rule " + t.quoted(),
                    Grammar.RULE_PROTOCOLS);
        }
        return Keywords.find(SaType.values(), word);
    }
}
