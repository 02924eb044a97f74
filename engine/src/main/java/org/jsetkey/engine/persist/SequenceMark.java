package org.jsetkey.engine.persist;

import java.util.List;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.persist.LineWords.Word;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaId;
import org.jsetkey.engine.setkey.stmt.SaProtocol;

/**
 * The sequence numbers of one SA as autosave records them, a comment to setkey:
 * {@code #@seq SRC DST PROTO SPI out=N in=M}. {@code out} is a high-water mark: no packet
 * was sent with a higher number, so the counter resumes there. {@code in} is the highest
 * number accepted: after a restart everything up to it counts as seen.
 */
record SequenceMark(IpAddress src, IpAddress dst, SaProtocol protocol, long spi, long out, long in) {
    static final String WORD = "#@seq";

    static boolean starts(String stripped) {
        return stripped.startsWith(WORD + " ") || stripped.startsWith(WORD + "\t") || stripped.equals(WORD);
    }

    String format() {
        return WORD + " " + src.format() + " " + dst.format() + " " + protocol.keyword() + " " + spi + " out=" + out
                + " in=" + in;
    }

    static SequenceMark parse(String line) {
        // the mark sits in a comment: split the text after "#@" so the words are not cut at '#'
        int at = line.indexOf(WORD);
        String body = " ".repeat(at + 2) + line.substring(at + 2);
        LineWords words = LineWords.split(body);
        words.expect("seq");
        IpAddress src = address(words.next("source address", List.of("address")));
        IpAddress dst = address(words.next("destination address", List.of("address")));
        Word p = words.next("protocol", List.of("esp", "ah", "ipcomp"));
        SaProtocol protocol = SaProtocol.byKeyword(p.text());
        if (protocol == null) {
            throw LineWords.error(p, "unknown protocol \"" + p.text() + "\"", List.of("esp", "ah", "ipcomp"));
        }
        long spi = number(words.next("SPI", List.of("spi")), "SPI", 0xffffffffL);
        long out = counter(words.next("out=N", List.of("out=N")), "out=");
        long in = counter(words.next("in=N", List.of("in=N")), "in=");
        if (!words.atEnd()) {
            throw LineWords.error(words.peek(), "unexpected \"" + words.peek().text() + "\"", List.of("end of line"));
        }
        return new SequenceMark(src, dst, protocol, spi, out, in);
    }

    /** Resumes the SA's counters; "No entry" when the file did not create the SA. */
    void apply(Sad sad) {
        SaEntry e = sad.get(new SaId(dst, protocol.type(), spi)).filter(x -> x.sa().src().equals(src))
                .orElseThrow(() -> new Refusal(Refusal.NO_ENTRY, "sequence mark for an SA the file does not add: "
                        + protocol.keyword() + " spi " + spi + " from " + src + " to " + dst));
        if (out > e.sequence()) {
            e.sequence(out);
        }
        e.replayWindow().resumeAbove(in);
    }

    private static IpAddress address(Word w) {
        IpAddress a = IpAddress.tryParse(w.text());
        if (a == null) {
            throw LineWords.error(w, "not an address: \"" + w.text() + "\"", List.of("IPv4 or IPv6 address"));
        }
        return a;
    }

    private static long counter(Word w, String prefix) {
        if (!w.text().startsWith(prefix)) {
            throw LineWords.error(w, "unexpected \"" + w.text() + "\"", List.of(prefix + "N"));
        }
        return number(new Word(w.text().substring(prefix.length()), w.column() + prefix.length(),
                w.length() - prefix.length(), false), prefix + "N", 0xffffffffL);
    }

    static long number(Word w, String what, long max) {
        try {
            long v = Long.decode(w.text());
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LineWords.error(w, "invalid " + what + " \"" + w.text() + "\"", List.of("0-" + max));
    }
}
