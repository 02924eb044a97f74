package org.jsetkey.engine.persist;

import java.util.Set;

/**
 * An {@code ip xfrm} line (or a line of an {@code ip xfrm state} or {@code setkey -D} listing) with
 * its keys masked for echoing, as setkey lines are: the word after the algorithm name of
 * {@code enc}, {@code auth}, {@code auth-trunc} and {@code aead} becomes {@code *}s, its {@code 0x}
 * or quotes kept, so the caret still lines up; in a dump's {@code E:} and {@code A:} lines every
 * hex group after the algorithm name is masked.
 */
final class XfrmKeyMask {
    private static final Set<String> KEYED = Set.of("enc", "auth", "auth-trunc", "aead");
    private static final Set<String> DUMP_KEYED = Set.of("E:", "A:");

    private XfrmKeyMask() {
    }

    static String line(String line) {
        char[] chars = line.toCharArray();
        int n = chars.length;
        int wordsSinceKeyword = -1;
        boolean dumpKey = false;
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(chars[i])) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(chars[i])) {
                i++;
            }
            if (start == i) {
                break;
            }
            if (wordsSinceKeyword >= 0) {
                wordsSinceKeyword++;
                if (wordsSinceKeyword >= 2) {
                    mask(chars, start, i);
                    wordsSinceKeyword = dumpKey ? wordsSinceKeyword : -1;
                }
            } else if (KEYED.contains(new String(chars, start, i - start))) {
                wordsSinceKeyword = 0;
            } else if (start == firstWord(chars) && DUMP_KEYED.contains(new String(chars, start, i - start))) {
                wordsSinceKeyword = 0;
                dumpKey = true;
            }
        }
        return new String(chars);
    }

    private static int firstWord(char[] chars) {
        int i = 0;
        while (i < chars.length && Character.isWhitespace(chars[i])) {
            i++;
        }
        return i;
    }

    private static void mask(char[] chars, int from, int to) {
        if (to - from > 2 && chars[from] == '0' && (chars[from + 1] == 'x' || chars[from + 1] == 'X')) {
            from += 2;
        } else if (chars[from] == '"' || chars[from] == '\'') {
            from++;
            if (to - 1 > from && chars[to - 1] == chars[from - 1]) {
                to--;
            }
        }
        for (int i = from; i < to; i++) {
            chars[i] = '*';
        }
    }
}
