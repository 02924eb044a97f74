package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of setkey text for the parser fuzz: character edits, token edits (drop,
 * repeat, swap, replace with a word from the language or an extreme number), truncation,
 * splicing two seeds. The same seed gives the same case.
 */
final class Mutator {
    /** Words and numbers the grammar knows, and some it must reject. */
    private static final List<String> DICTIONARY = List.of(
            "add", "update", "get", "delete", "deleteall", "flush", "dump", "spdadd", "spdupdate", "spddelete",
            "spdflush", "spddump", "exit", "esp", "ah", "ipcomp", "esp-old", "ah-old", "tcp", "-m", "-r", "-u",
            "-f", "-lh", "-ls", "-bh", "-bs", "-ctx", "-E", "-A", "-C", "-R", "-P", "-4n", "-6", "transport",
            "tunnel", "any", "in", "out", "fwd", "ipsec", "none", "discard", "entrust", "bypass", "require", "use",
            "unique", "unique:0", "unique:99999", "default", "priority", "prio", "low", "def", "high", "+", "-",
            "aes-cbc", "rijndael-cbc", "3des-cbc", "null", "aes-gcm-16", "aes-ctr", "chacha20-poly1305",
            "hmac-sha1", "hmac-md5", "hmac-sha2-512", "keyed-md5", "aes-xcbc-mac", "deflate", "lzs", "oui",
            "icmp6", "udp", "135,0", "0", "1", "-1", "255", "256", "65535", "65536", "4294967295", "4294967296",
            "18446744073709551616", "99999999999999999999999", "0x", "0x0", "0xffffffff", "0x100000000",
            "0xfffffffffffffffffffffffff", "10.0.0.1", "10.0.0.256", "10.0.0", "::", "::1", "fe80::1%1",
            "fe80::1%999999999999", "2001:db8::/129", "10.0.0.0/33", "10.0.0.1[65536]", "10.0.0.1[any]",
            "[", "]", "/", "//", ";", ";;", "\"", "\"\"", "\"abc", "#", "\n", "\t", "\r\n", "\u00e9", "\u0000",
            "\uFFFF", "\uD83D\uDE00", "esp/transport//require", "esp/tunnel/10.0.0.1-10.0.0.2/require",
            "ah/tunnel/10.0.0.1-2001:db8::1/use", "ipcomp/transport//use");
    private static final String CHARS = "abcxyz019AFx:;.-/[]\"#%,+ \n\t\\\u00ff\u0000";

    private final Random random;
    private final List<String> seeds;

    Mutator(long seed, List<String> seeds) {
        this.random = new Random(seed);
        this.seeds = seeds;
    }

    /** One case: a seed (or a splice of two) with 1..8 mutations. */
    String next() {
        String text = seeds.get(random.nextInt(seeds.size()));
        if (random.nextInt(8) == 0) {
            String other = seeds.get(random.nextInt(seeds.size()));
            text = text.substring(0, random.nextInt(text.length() + 1)) + other.substring(random.nextInt(other.length() + 1));
        }
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            text = mutate(text);
        }
        return text;
    }

    private String mutate(String text) {
        switch (random.nextInt(9)) {
            case 0: // a character out
                return text.isEmpty() ? text : cut(text, random.nextInt(text.length()), 1);
            case 1: // a character in
                return insert(text, String.valueOf(CHARS.charAt(random.nextInt(CHARS.length()))));
            case 2: // a word of the language (or a wrong one) in
                return insert(text, " " + word() + " ");
            case 3: { // a token replaced
                List<int[]> spans = tokens(text);
                if (spans.isEmpty()) {
                    return text;
                }
                int[] s = spans.get(random.nextInt(spans.size()));
                return text.substring(0, s[0]) + word() + text.substring(s[1]);
            }
            case 4: { // a token dropped
                List<int[]> spans = tokens(text);
                if (spans.isEmpty()) {
                    return text;
                }
                int[] s = spans.get(random.nextInt(spans.size()));
                return text.substring(0, s[0]) + text.substring(s[1]);
            }
            case 5: { // a token repeated
                List<int[]> spans = tokens(text);
                if (spans.isEmpty()) {
                    return text;
                }
                int[] s = spans.get(random.nextInt(spans.size()));
                String t = text.substring(s[0], s[1]);
                return text.substring(0, s[1]) + " " + t + text.substring(s[1]);
            }
            case 6: { // two tokens swapped
                List<int[]> spans = tokens(text);
                if (spans.size() < 2) {
                    return text;
                }
                int a = random.nextInt(spans.size());
                int b = random.nextInt(spans.size());
                int[] x = spans.get(Math.min(a, b));
                int[] y = spans.get(Math.max(a, b));
                if (x == y) {
                    return text;
                }
                return text.substring(0, x[0]) + text.substring(y[0], y[1]) + text.substring(x[1], y[0])
                        + text.substring(x[0], x[1]) + text.substring(y[1]);
            }
            case 7: // truncated
                return text.substring(0, random.nextInt(text.length() + 1));
            default: { // a digit flipped inside a number or key
                int at = random.nextInt(Math.max(1, text.length()));
                for (int i = at; i < text.length(); i++) {
                    if (Character.isDigit(text.charAt(i))) {
                        return text.substring(0, i) + "0123456789abcdefg".charAt(random.nextInt(17)) + text.substring(i + 1);
                    }
                }
                return text;
            }
        }
    }

    private String word() {
        return DICTIONARY.get(random.nextInt(DICTIONARY.size()));
    }

    private String insert(String text, String what) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    private static String cut(String text, int at, int len) {
        return text.substring(0, at) + text.substring(Math.min(text.length(), at + len));
    }

    /** Blank-separated pieces, as [start, end) offsets. */
    private static List<int[]> tokens(String text) {
        List<int[]> l = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                l.add(new int[] {start, i});
            }
        }
        return l;
    }
}
