package org.jsetkey.engine.net;

/** inet_pton-style parsing of numeric IPv4 and IPv6 literals (with an optional %zone). */
final class AddressParser {
    private AddressParser() {
    }

    static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        int pct = text.indexOf('%');
        if (pct >= 0) {
            String zone = text.substring(pct + 1);
            byte[] v6 = parseV6(text.substring(0, pct), text);
            if (zone.isEmpty()) {
                throw new IllegalArgumentException("invalid address \"" + text + "\": empty zone");
            }
            return new IpAddress(v6, zone);
        }
        if (text.indexOf(':') >= 0) {
            return new IpAddress(parseV6(text, text), null);
        }
        byte[] v4 = parseV4(text);
        if (v4 == null) {
            throw new IllegalArgumentException("invalid address \"" + text + "\"");
        }
        return new IpAddress(v4, null);
    }

    /** Dotted quad, each part 0-255 without leading zeros; null otherwise. Scans once (bulk loads parse many). */
    static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) != '.') {
                continue;
            }
            int len = i - start;
            if (part == 4 || len == 0 || len > 3 || (len > 1 && s.charAt(start) == '0')) {
                return null;
            }
            int v = 0;
            for (int k = start; k < i; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[part++] = (byte) v;
            start = i + 1;
        }
        return part == 4 ? out : null;
    }

    private static byte[] parseV6(String s, String original) {
        IllegalArgumentException bad = new IllegalArgumentException("invalid IPv6 address \"" + original + "\"");
        byte[] out = new byte[16];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            throw bad;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] headWords = words(head, bad, dbl < 0 || tail.isEmpty());
        int[] tailWords = words(tail, bad, true);
        int total = headWords.length + tailWords.length;
        if (dbl < 0 ? total != 8 : total > 7) {
            throw bad;
        }
        if (dbl < 0 && tailWords.length == 0 && headWords.length != 8) {
            throw bad;
        }
        int pos = 0;
        for (int w : headWords) {
            out[pos++] = (byte) (w >> 8);
            out[pos++] = (byte) w;
        }
        pos = 16 - tailWords.length * 2;
        for (int w : tailWords) {
            out[pos++] = (byte) (w >> 8);
            out[pos++] = (byte) w;
        }
        return out;
    }

    /** Splits colon-separated hex groups; a dotted IPv4 tail counts as two groups. */
    private static int[] words(String s, IllegalArgumentException bad, boolean v4TailAllowed) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int n = parts.length;
        boolean v4 = parts[n - 1].indexOf('.') >= 0;
        int[] out = new int[v4 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (i == n - 1 && v4) {
                byte[] b = v4TailAllowed ? parseV4(p) : null;
                if (b == null) {
                    throw bad;
                }
                out[i] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
                out[i + 1] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                throw bad;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) {
                    throw bad;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }
}
