package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.persist.LineWords.Word;

/** {@code ip xfrm state ...} as a setkey {@code add}, {@code update}, {@code delete}, {@code flush} or {@code dump}. */
final class XfrmState {
    private static final List<String> PROTOS = List.of("esp", "ah", "comp");
    private static final List<String> ID_WORDS = List.of("src", "dst", "proto", "spi");

    private IpAddress src;
    private IpAddress dst;
    private String proto;
    private Word protoWord;
    private Word spiWord;
    private long spi = -1;
    /** A piece of setkey text and the word it stands for. */
    private record Part(String text, Word from) {
    }

    private final List<Part> options = new ArrayList<>();
    private final List<Part> algorithms = new ArrayList<>();
    /** Authentication goes after encryption in setkey, whatever order iproute2 got or printed them in. */
    private final List<Part> authentication = new ArrayList<>();
    private final Word command;
    private boolean mayWrap;
    /** {@code encap espinudp SPORT DPORT OA}: the ports and the NAT-OA (null for the unspecified address). */
    private Word encap;
    private long encapSport;
    private long encapDport;
    private IpAddress encapOa;

    private XfrmState(Word command) {
        this.command = command;
    }

    static void translate(Word command, LineWords words, SetkeyDraft draft) {
        switch (command.text()) {
            case "flush" -> {
                draft.add("flush", command);
                if (!words.atEnd()) {
                    words.expect("proto");
                    Word p = words.next("protocol", PROTOS);
                    draft.add(setkeyProto(p), p);
                }
                XfrmReader.noMore(words);
            }
            case "list", "show" -> XfrmReader.alone("dump", command, words, draft);
            default -> new XfrmState(command).state(words, draft);
        }
    }

    private void state(LineWords words, SetkeyDraft draft) {
        boolean delete = command.text().equals("delete");
        // iproute2 reads src, dst, proto and spi as one run: another one later is an error there
        boolean idSeen = false;
        boolean inId = false;
        while (!words.atEnd()) {
            Word w = words.next("option", List.of());
            boolean idWord = ID_WORDS.contains(w.text());
            if (idWord && idSeen && !inId) {
                throw LineWords.error(w, "argument \"" + w.text() + "\" is wrong: unknown", List.of());
            }
            inId = idWord;
            idSeen |= idWord;
            if (id(w, words)) {
                continue;
            }
            if (delete) {
                throw XfrmReader.noEquivalent(w);
            }
            option(w, words);
        }
        Word end = command;
        require(src != null, end, "src ADDR");
        require(dst != null, end, "dst ADDR");
        require(proto != null, end, "proto esp|ah|comp");
        require(spi >= 0, end, "spi SPI");
        String proto = setkeyProto(protoWord);
        if (encap != null && !proto.equals("esp")) {
            throw LineWords.error(encap, "encap is for proto esp only", List.of());
        }
        draft.add(delete ? "delete" : command.text().equals("update") ? "update" : "add", command)
                .add(src.format() + (encap == null ? "" : "[" + encapSport + "]"), null)
                .add(dst.format() + (encap == null ? "" : "[" + encapDport + "]"), null)
                .add(encap == null ? proto : "esp-udp" + (encapOa == null ? "" : " " + encapOa.format()), protoWord)
                .add(Long.toString(spi), spiWord);
        if (delete) {
            return;
        }
        if (!mayWrap) {
            options.add(new Part("-f nocyclic-seq", command));
        }
        for (Part p : options) {
            draft.add(p.text(), p.from());
        }
        for (Part p : algorithms) {
            draft.add(p.text(), p.from());
        }
        for (Part p : authentication) {
            draft.add(p.text(), p.from());
        }
    }

    private static void require(boolean present, Word at, String what) {
        if (!present) {
            throw LineWords.error(at, "missing " + what, List.of(what));
        }
    }

    private boolean id(Word w, LineWords words) {
        switch (w.text()) {
            case "src" -> src = XfrmReader.address(words.next("address", List.of("address")));
            case "dst" -> dst = XfrmReader.address(words.next("address", List.of("address")));
            case "proto" -> {
                protoWord = words.next("protocol", PROTOS);
                if (!PROTOS.contains(protoWord.text())) {
                    throw LineWords.error(protoWord, "protocol \"" + protoWord.text() + "\" has no setkey equivalent",
                            PROTOS);
                }
                proto = protoWord.text();
            }
            case "spi" -> {
                spiWord = words.next("SPI", List.of("SPI"));
                spi = XfrmReader.number(spiWord, "SPI");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void option(Word w, LineWords words) {
        switch (w.text()) {
            case "mode" -> {
                Word m = words.next("mode", List.of("transport", "tunnel"));
                if (!m.text().equals("transport") && !m.text().equals("tunnel")) {
                    throw LineWords.error(m, "mode " + m.text() + " has no setkey equivalent",
                            List.of("transport", "tunnel"));
                }
                options.add(new Part("-m " + m.text(), m));
            }
            case "reqid" -> {
                Word n = words.next("reqid", List.of("REQID"));
                options.add(new Part("-u " + XfrmReader.number(n, "reqid"), n));
            }
            case "replay-window" -> {
                Word n = words.next("size", List.of("SIZE"));
                long packets = XfrmReader.number(n, "replay-window");
                if (packets % 8 != 0) {
                    throw LineWords.error(n, "replay-window " + packets
                            + " is not a multiple of 8 (setkey's -r counts bytes of 8 packets)", List.of("8, 16, 32, ..."));
                }
                if (packets != 0) {
                    options.add(new Part("-r " + packets / 8, n));
                }
            }
            case "extra-flag" -> {
                Word f = words.next("flag", List.of("oseq-may-wrap"));
                if (!f.text().equals("oseq-may-wrap")) {
                    throw XfrmReader.noEquivalent(f);
                }
                mayWrap = true;
            }
            case "limit" -> limit(words);
            case "ctx" -> {
                Word c = words.next("context", List.of("CTX"));
                options.add(new Part("-ctx 1 1 \"" + c.text() + "\"", c));
            }
            case "enc", "auth", "auth-trunc", "aead", "comp" -> algorithm(w, words);
            case "encap" -> encap(w, words);
            default -> throw XfrmReader.noEquivalent(w);
        }
    }

    /** {@code encap espinudp SPORT DPORT OADDR}, as iproute2 writes it; only ESP in UDP has a setkey form. */
    private void encap(Word w, LineWords words) {
        Word type = words.next("encapsulation type", List.of("espinudp"));
        if (!type.text().equals("espinudp")) {
            throw LineWords.error(type, "encap " + type.text() + " has no setkey equivalent (esp-udp is espinudp)",
                    List.of("espinudp"));
        }
        encapSport = port(words.next("source port", List.of("4500")));
        encapDport = port(words.next("destination port", List.of("4500")));
        IpAddress oa = XfrmReader.address(words.next("original address", List.of("0.0.0.0", "::")));
        encapOa = java.util.Arrays.equals(oa.bytes(), new byte[oa.bytes().length]) ? null : oa;
        encap = w;
    }

    private static long port(Word w) {
        long p = XfrmReader.number(w, "port");
        if (p < 1 || p > 65535) {
            throw LineWords.error(w, "invalid NAT-T port " + w.text(), List.of("1-65535"));
        }
        return p;
    }

    private void limit(LineWords words) {
        Word kind = words.next("limit", List.of("time-hard", "time-soft", "byte-hard", "byte-soft"));
        String option = switch (kind.text()) {
            case "time-hard" -> "-lh";
            case "time-soft" -> "-ls";
            case "byte-hard" -> "-bh";
            case "byte-soft" -> "-bs";
            default -> throw XfrmReader.noEquivalent(kind);
        };
        Word n = words.next("value", List.of("a number"));
        options.add(new Part(option + " " + SequenceMark.number(n, kind.text(), Long.MAX_VALUE), n));
    }

    private void algorithm(Word keyword, LineWords words) {
        String kw = keyword.text();
        Word name = words.next("algorithm name", XfrmNames.names(kw));
        Optional<Algorithm> alg = XfrmNames.setkey(kw, name.text());
        if (alg.isEmpty()) {
            throw LineWords.error(name, "algorithm " + name.text() + " has no setkey equivalent here",
                    XfrmNames.names(kw));
        }
        Algorithm a = alg.get();
        if (kw.equals("comp")) {
            algorithms.add(new Part("-C " + a.name(), name));
            return;
        }
        Word keyWord = words.next("key", List.of("0xHEX", "\"string\""));
        byte[] key = XfrmReader.key(keyWord);
        if (kw.equals("auth-trunc") || kw.equals("aead")) {
            Word bits = words.next("ICV length in bits", List.of(Integer.toString(a.icvBytes() * 8)));
            long n = XfrmReader.number(bits, "ICV length");
            if (n != a.icvBytes() * 8L) {
                throw LineWords.error(bits, name.text() + " with a " + n + "-bit ICV has no setkey equivalent",
                        List.of(Integer.toString(a.icvBytes() * 8)));
            }
        } else if (kw.equals("auth") && XfrmNames.defaultTruncBits(a) != a.icvBytes() * 8) {
            throw LineWords.error(keyword, "auth " + name.text() + " truncates to " + XfrmNames.defaultTruncBits(a)
                    + " bits on Linux; setkey's " + a.name() + " uses " + a.icvBytes() * 8,
                    List.of("auth-trunc " + name.text() + " KEY " + a.icvBytes() * 8));
        }
        boolean enc = kw.equals("enc") || kw.equals("aead");
        List<Part> to = enc ? algorithms : authentication;
        to.add(new Part((enc ? "-E " : "-A ") + a.name(), name));
        if (key.length > 0) {
            to.add(new Part(XfrmReader.hex(key), keyWord));
        }
    }

    private static String setkeyProto(Word p) {
        if (p.text().equals("comp")) {
            return "ipcomp";
        }
        if (!p.text().equals("esp") && !p.text().equals("ah")) {
            throw LineWords.error(p, "protocol \"" + p.text() + "\" has no setkey equivalent", PROTOS);
        }
        return p.text();
    }
}
