package org.jsetkey.engine.persist;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.persist.LineWords.Word;
import org.jsetkey.engine.setkey.stmt.Statement;

/**
 * Linux iproute2 {@code ip xfrm} lines read as setkey statements: {@code state add|update|
 * delete|flush|list} and {@code policy add|update|delete|flush|list}. The line is translated
 * to setkey text and parsed by the setkey parser, so the same checks apply; a word with no
 * setkey equivalent (mark, encap, sel, flag, beet, ...) is an error at its column.
 */
final class XfrmReader {
    static final List<String> STATE_COMMANDS = List.of("add", "update", "delete", "flush", "list", "show");

    private XfrmReader() {
    }

    static boolean starts(String stripped) {
        return stripped.matches("ip\\s+xfrm(\\s.*)?");
    }

    static List<Statement> parse(String line) {
        LineWords words = LineWords.split(line);
        Word ip = words.expect("ip");
        words.expect("xfrm");
        Word object = words.next("object", List.of("state", "policy"));
        Word command = words.next("command", STATE_COMMANDS);
        if (!STATE_COMMANDS.contains(command.text())) {
            throw LineWords.error(command, "ip xfrm " + object.text() + " " + command.text()
                    + " has no setkey equivalent", STATE_COMMANDS);
        }
        SetkeyDraft draft = new SetkeyDraft(ip);
        if (object.text().equals("state")) {
            XfrmState.translate(command, words, draft);
        } else if (object.text().equals("policy")) {
            XfrmPolicy.translate(command, words, draft);
        } else {
            throw LineWords.error(object, "unknown object \"" + object.text() + "\"", List.of("state", "policy"));
        }
        return draft.parse();
    }

    static LineError noEquivalent(Word w) {
        return LineWords.error(w, "\"" + w.text() + "\" has no setkey equivalent", List.of());
    }

    /** A command that takes no words maps to one setkey statement word. */
    static void alone(String statement, Word command, LineWords words, SetkeyDraft draft) {
        draft.add(statement, command);
        noMore(words);
    }

    static void noMore(LineWords words) {
        if (!words.atEnd()) {
            throw LineWords.error(words.peek(), "unexpected \"" + words.peek().text() + "\"", List.of("end of line"));
        }
    }

    static IpAddress address(Word w) {
        IpAddress a = IpAddress.tryParse(w.text());
        if (a == null) {
            throw LineWords.error(w, "not an address: \"" + w.text() + "\"", List.of("IPv4 or IPv6 address"));
        }
        return a;
    }

    static long number(Word w, String what) {
        return SequenceMark.number(w, what, 0xffffffffL);
    }

    /** iproute2 key material: {@code 0x} and hex digits, else the word's characters. */
    static byte[] key(Word w) {
        String t = w.text();
        if (!w.quoted() && (t.startsWith("0x") || t.startsWith("0X"))) {
            String hex = t.substring(2);
            if (hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]*")) {
                throw LineWords.error(w, "invalid hex key \"" + t + "\"", List.of("0x and an even number of hex digits"));
            }
            byte[] b = new byte[hex.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return b;
        }
        return t.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A key as setkey writes it: {@code 0x} and lower-case hex. */
    static String hex(byte[] key) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : key) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
