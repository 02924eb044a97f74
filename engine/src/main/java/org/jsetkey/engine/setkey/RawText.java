package org.jsetkey.engine.setkey;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Input bytes as text without losing what is not UTF-8: each byte that does not decode becomes
 * the lone surrogate U+DC00+byte (U+DC80 to U+DCFF) (as Python's "surrogateescape"), which no word of the language
 * accepts and {@link Excerpt#escape} shows as {@code \xNN}: an error names the byte the file holds,
 * not a replacement character.
 */
public final class RawText {
    private static final int ESCAPE_BASE = 0xDC00;

    private RawText() {
    }

    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult r = decoder.decode(in, out, true); // at least once: flush refuses a decoder that never decoded
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (ESCAPE_BASE + (in.get() & 0xff)));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** The byte an undecodable input byte stood for, or -1 when {@code c} is an ordinary character. */
    static int escapedByte(char c) {
        return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff ? c - ESCAPE_BASE : -1;
    }
}
