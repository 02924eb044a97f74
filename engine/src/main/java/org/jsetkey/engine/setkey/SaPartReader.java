package org.jsetkey.engine.setkey;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.crypto.KeySizes;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.setkey.stmt.PadFlag;
import org.jsetkey.engine.setkey.stmt.SaProtocol;

/** Reads the SA options (architecture.md §4) and the algorithm part with its keys (§5). */
final class SaPartReader {
    private SaPartReader() {
    }

    /** @param lookupOnly get/delete: options are accepted, {@code -m} draws the "mode is obsolete" warning */
    static SaOptions options(Cursor c, Values v, boolean lookupOnly) {
        SaProtocol protocol = v.get("protocol", SaProtocol.class);
        SaOptions o = new SaOptions();
        while (true) {
            Token t = c.peek(SlotKind.SA_OPTIONS, "an SA option" + (lookupOnly ? " or ;" : " or the algorithm part"),
                    Grammar.optionWords(protocol, !lookupOnly));
            OptionSpec spec = t.is(TokenKind.OPTION) ? Grammar.saOption(t.text()).orElse(null) : null;
            if (spec == null) {
                return o;
            }
            c.next();
            String why = Grammar.optionMismatch(t.text(), protocol);
            if (why != null) {
                throw new ParseError(t, why);
            }
            option(c, t, spec, o, v, lookupOnly);
        }
    }

    private static void option(Cursor c, Token t, OptionSpec spec, SaOptions o, Values v, boolean lookupOnly) {
        switch (t.text()) {
            case "-m":
                Token m = c.next(SlotKind.MODE, spec.help(), Grammar.MODES);
                o.mode = m.is(TokenKind.WORD) ? Keywords.find(SaMode.values(), m.text()) : null;
                if (o.mode == null) {
                    throw new ParseError(m, "invalid mode " + m.quoted(), Grammar.MODES);
                }
                if (lookupOnly) {
                    c.warn(t, "mode is obsolete");
                }
                break;
            case "-r":
                o.replayToken = t;
                o.replay = SlotReader.decimal(number(c, spec), "replay window", 0xffffffffL);
                break;
            case "-u":
                o.reqid = SlotReader.decimal(number(c, spec), "reqid", 0xffffffffL);
                break;
            case "-f":
                padFlag(c.next(SlotKind.PAD_FLAG, spec.help(), Grammar.PAD_FLAGS), o);
                break;
            case "-lh":
                o.hardSeconds = SlotReader.decimal(number(c, spec), "hard lifetime", Long.MAX_VALUE);
                break;
            case "-ls":
                o.softSeconds = SlotReader.decimal(number(c, spec), "soft lifetime", Long.MAX_VALUE);
                break;
            case "-bh":
                o.hardBytes = SlotReader.decimal(number(c, spec), "hard byte lifetime", Long.MAX_VALUE);
                break;
            case "-bs":
                o.softBytes = SlotReader.decimal(number(c, spec), "soft byte lifetime", Long.MAX_VALUE);
                break;
            case Grammar.NATT:
                o.natt = natt(c, v);
                break;
            case Grammar.NATT_MTU:
                o.nattMtuToken = t;
                o.nattMtu = (int) SlotReader.decimal(number(c, spec), "NAT-T fragment size", 65535);
                break;
            default:
                o.context = SlotReader.context(c);
                break;
        }
    }

    /** FreeBSD's {@code -natt OAI[sport] OAR[dport]}: both ports required, both addresses of the SA's family. */
    private static NatT natt(Cursor c, Values v) {
        IpAddress src = v.get("src", IpAddress.class);
        Token ti = c.next(SlotKind.ADDRESS, "initiator's original address, then [NAT-T source port]", List.of());
        IpAddress oai = SlotReader.address(c, ti, v, "NAT-T initiator");
        int sport = nattPort(c, "NAT-T source port");
        Token tr = c.next(SlotKind.ADDRESS, "responder's original address, then [NAT-T destination port]", List.of());
        IpAddress oar = SlotReader.address(c, tr, v, "NAT-T responder");
        int dport = nattPort(c, "NAT-T destination port");
        if (!oai.sameFamily(oar)) {
            throw new ParseError(tr, "Family mismatch: -natt addresses \"" + oai.format() + "\" and \""
                    + oar.format() + "\" are not the same address family");
        }
        if (src != null && !oai.sameFamily(src)) {
            throw new ParseError(ti, "Family mismatch: NAT original address \"" + oai.format()
                    + "\" is not of the SA's address family");
        }
        return new NatT(sport, dport, oai, oar, 0);
    }

    /** {@code [port]} right after a -natt address, a decimal 1-65535 as FreeBSD's grammar takes it. */
    private static int nattPort(Cursor c, String what) {
        Token open = c.next(SlotKind.PORT, "[" + what + "]", List.of("["));
        if (!open.is(TokenKind.LBRACKET)) {
            throw new ParseError(open, "missing [" + what + "] before " + open.quoted(), List.of("["));
        }
        Token p = c.next(SlotKind.PORT, what + ": 1-65535", List.of());
        if (!p.is(TokenKind.DECIMAL)) {
            throw new ParseError(p, "invalid " + what + " " + p.quoted(), List.of("1-65535"));
        }
        long port = SlotReader.decimal(p, what, 65535);
        if (port == 0) {
            throw new ParseError(p, "invalid " + what + " 0: NAT-T needs a UDP port", List.of("1-65535"));
        }
        Token close = c.next(SlotKind.PORT, "]", List.of("]"));
        if (!close.is(TokenKind.RBRACKET)) {
            throw new ParseError(close, "missing \"]\" before " + close.quoted());
        }
        return (int) port;
    }

    private static Token number(Cursor c, OptionSpec spec) {
        return c.next(SlotKind.NUMBER, spec.help(), List.of());
    }

    private static void padFlag(Token f, SaOptions o) {
        PadFlag flag = f.is(TokenKind.WORD) ? Keywords.find(PadFlag.values(), f.text()) : null;
        if (flag == null) {
            throw new ParseError(f, "invalid flag " + f.quoted(), Grammar.PAD_FLAGS);
        }
        switch (flag) {
            case ZERO_PAD:
                o.padFlags |= Algorithms.FLAG_ZERO_PAD;
                break;
            case RANDOM_PAD:
                o.padFlags |= Algorithms.FLAG_RANDOM_PAD;
                break;
            case NOCYCLIC_SEQ:
                o.noCyclicSeq = true;
                break;
            default:
                break; // seq-pad: KAME's default
        }
    }

    static AlgorithmPart algorithms(Cursor c, Values v) {
        SaProtocol p = v.get("protocol", SaProtocol.class);
        AlgorithmPart a = new AlgorithmPart();
        List<String> words = Grammar.algorithmWords(p);
        Token t = c.next(SlotKind.ALGORITHMS, "the algorithm part", words);
        if (t.isOption("-E")) {
            requireProtocol(t, p, p.type() == SaType.ESP);
            a.encToken = t;
            String encryptTyped = c.peek().text();
            a.enc = algorithm(c, p, AlgorithmKind.ENCRYPT);
            a.encKey = key(c, a.enc, encryptTyped);
            Token next = c.peek(SlotKind.ALGORITHMS, "-A or ;", a.enc.aead() ? List.of(";") : List.of("-A", ";"));
            if (next.isOption("-A")) {
                c.next();
                if (a.enc.aead()) {
                    throw new ParseError(next, a.enc.name() + " is a combined-mode cipher: give no -A");
                }
                a.authToken = next;
                String typed = c.peek().text();
                a.auth = algorithm(c, p, AlgorithmKind.AUTH);
                a.authKey = key(c, a.auth, typed);
            }
        } else if (t.isOption("-A")) {
            requireProtocol(t, p, p.type() != SaType.IPCOMP);
            if (p.type() == SaType.ESP) {
                throw new ParseError(t, "algorithm mismatched: " + p.keyword()
                        + " needs -E before -A (use -E null for authentication only)");
            }
            a.authToken = t;
            String authTyped = c.peek().text();
            a.auth = algorithm(c, p, AlgorithmKind.AUTH);
            a.authKey = key(c, a.auth, authTyped);
        } else if (t.isOption("-C")) {
            requireProtocol(t, p, p == SaProtocol.IPCOMP);
            a.comp = algorithm(c, p, AlgorithmKind.COMPRESS);
            if (c.peek(SlotKind.ALGORITHMS, "-R or ;", List.of("-R", ";")).isOption("-R")) {
                c.next();
                a.rawCpi = true;
            }
        } else if (t.is(TokenKind.SEMICOLON) || t.is(TokenKind.EOF)) {
            throw new ParseError(t, "missing algorithm before " + t.quoted(), words);
        } else {
            throw new ParseError(t, "syntax error at " + t.quoted() + ": expected the algorithm part", words);
        }
        return a;
    }

    private static void requireProtocol(Token t, SaProtocol p, boolean ok) {
        if (ok) {
            return;
        }
        String want;
        switch (p) {
            case AH:
            case AH_OLD:
                want = "takes only -A";
                break;
            case IPCOMP:
                want = "takes only -C";
                break;
            case TCP:
                want = "takes only -A tcp-md5";
                break;
            default:
                want = "takes -E (and -A)";
                break;
        }
        throw new ParseError(t, "algorithm mismatched: " + p.keyword() + " " + want + ", not " + t.text());
    }

    private static Algorithm algorithm(Cursor c, SaProtocol p, AlgorithmKind kind) {
        SlotKind slot = kind == AlgorithmKind.ENCRYPT ? SlotKind.ENC_ALGORITHM
                : kind == AlgorithmKind.AUTH ? SlotKind.AUTH_ALGORITHM : SlotKind.COMP_ALGORITHM;
        List<String> valid = Grammar.algorithmsFor(p, kind);
        Token n = c.next(slot, kind.description() + " algorithm", valid);
        if (!n.is(TokenKind.WORD)) {
            throw new ParseError(n, "missing " + kind.description() + " algorithm before " + n.quoted(), valid);
        }
        Algorithm alg = Algorithms.find(kind, n.text()).orElseThrow(() ->
                new ParseError(n, "unknown " + kind.description() + " algorithm " + n.quoted(), valid));
        String why = Grammar.mismatch(p, alg);
        if (why != null) {
            throw new ParseError(n, "algorithm mismatched: " + why, valid);
        }
        if (alg.name().equals("simple")) {
            c.warn(n, "obsolete algorithm");
        }
        return alg;
    }

    /** @param typed the algorithm as the user wrote it (aes-cbc, not its dump name rijndael-cbc) */
    private static byte[] key(Cursor c, Algorithm alg, String typed) {
        KeySizes sizes = alg.keySizes();
        if (sizes.keyless()) {
            Token after = c.peek();
            if (after.is(TokenKind.STRING) || after.is(TokenKind.HEX)) {
                throw new ParseError(after, typed + " takes no key");
            }
            return null;
        }
        // the help text only shows in completion: a bulk load does not build it for every key
        Token k = c.next(SlotKind.KEY, c.completion() ? "key for " + typed + ": \"text\" or 0x hex, "
                + sizes.describeBytes() : "key", List.of());
        byte[] key;
        if (k.is(TokenKind.STRING)) {
            key = k.text().getBytes(StandardCharsets.UTF_8);
        } else if (k.is(TokenKind.HEX)) {
            String digits = k.text().substring(2);
            if (digits.length() % 2 != 0) {
                throw new ParseError(k, "odd number of hex digits (" + digits.length() + ") in key");
            }
            key = HexFormat.of().parseHex(digits);
        } else if (k.is(TokenKind.WORD) && (k.text().startsWith("0x") || k.text().startsWith("0X"))) {
            throw new ParseError(k, "invalid hex key: only 0-9 and a-f may follow 0x");
        } else if (k.is(TokenKind.WORD) || k.is(TokenKind.DECIMAL)) {
            // a word here is most likely a key typed without quotes: never repeat it
            throw new ParseError(k, "key for " + alg.name() + " not quoted and not 0x hex",
                    List.of("\"text\"", "0x hex"));
        } else {
            throw new ParseError(k, "missing key for " + typed + " before " + k.quoted(),
                    List.of("\"text\"", "0x hex"));
        }
        if (!sizes.accepts(key.length * 8)) {
            throw new ParseError(k, typed + " needs " + sizes.describeBytes() + ", got " + key.length);
        }
        return key;
    }
}
