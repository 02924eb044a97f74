package org.jsetkey.shell.jline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

/**
 * A terminal description in {@code infocmp}'s format read into JLine's capability sets with the
 * same result as {@link InfoCmp#parseInfoCmp}, at a fraction of its first call's cost: JLine
 * builds its table of capability names by splitting each of its 500 lines with a regular
 * expression compiled for that line, and compiles its entry pattern once per description line;
 * on the console's start that was 35 to 60 ms of the terminal thread, the longest step before
 * the prompt. Here the names table is read with plain string searches, once, and the entry
 * pattern (the same expression) is compiled once.
 */
final class TerminalDescription {
    /** JLine's entry pattern, unchanged: an entry ends at a comma (or a literal '$'). */
    private static final Pattern ENTRY = Pattern.compile("\\s*(([^,]|\\\\,)+)\\s*[,$]");
    private static volatile Map<String, Capability> names;

    private TerminalDescription() {
    }

    /** The description JLine carries for {@code type} ({@code dumb}, {@code ansi}, ...), or null. */
    static String bundled(String type) {
        try (InputStream in = InfoCmp.class.getResourceAsStream(type + ".caps")) {
            if (in == null) {
                return null;
            }
            // as InfoCmp joins its lines: each followed by a newline
            StringBuilder s = new StringBuilder();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                s.append(line).append('\n');
            }
            return s.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds the capabilities {@code description} names (its first line, the terminal's names, is
     * skipped); without a description, those of {@code ansi}, as JLine falls back.
     */
    static void parse(String description, Set<Capability> bools, Map<Capability, Integer> ints,
                      Map<Capability, String> strings) {
        Map<String, Capability> byName = names();
        String[] lines = (description != null ? description : bundled("ansi")).split("\n");
        for (int i = 1; i < lines.length; i++) {
            Matcher m = ENTRY.matcher(lines[i]);
            while (m.find()) {
                String cap = m.group(1);
                int hash = cap.indexOf('#');
                int equals = cap.indexOf('=');
                if (hash >= 0) {
                    Capability c = byName.get(cap.substring(0, hash));
                    int value = number(cap.substring(hash + 1));
                    if (c != null) {
                        ints.put(c, value);
                    }
                } else if (equals >= 0) {
                    Capability c = byName.get(cap.substring(0, equals));
                    if (c != null) {
                        strings.put(c, cap.substring(equals + 1));
                    }
                } else {
                    Capability c = byName.get(cap);
                    if (c != null) {
                        bools.add(c);
                    }
                }
            }
        }
    }

    /** A numeric value as terminfo writes it: decimal, 0x hexadecimal, or octal behind a leading 0. */
    private static int number(String v) {
        if ("0".equals(v)) {
            return 0;
        }
        if (v.startsWith("0x")) {
            return Integer.parseInt(v.substring(2), 16);
        }
        if (v.startsWith("0")) {
            return Integer.parseInt(v.substring(1), 8);
        }
        return Integer.parseInt(v);
    }

    /** Each capability under its long and its short name, from JLine's own list ("auto_left_margin, bw"). */
    static Map<String, Capability> names() {
        Map<String, Capability> n = names;
        if (n != null) {
            return n;
        }
        n = new HashMap<>(2048);
        try (InputStream in = InfoCmp.class.getResourceAsStream("capabilities.txt")) {
            if (in == null) {
                throw new IllegalStateException("JLine's capabilities.txt is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.trim();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                int comma = s.indexOf(", ");
                String longName = comma < 0 ? s : s.substring(0, comma);
                Capability c = Capability.valueOf(longName);
                n.put(longName, c);
                if (comma >= 0) {
                    int end = s.indexOf(", ", comma + 2);
                    n.put(s.substring(comma + 2, end < 0 ? s.length() : end), c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names = n;
        return n;
    }
}
