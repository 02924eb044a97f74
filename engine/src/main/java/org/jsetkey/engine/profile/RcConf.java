package org.jsetkey.engine.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A FreeBSD {@code rc.conf} fragment: {@code name="value"} assignments (double, single or no
 * quotes), {@code #} comments, blank lines; the last assignment wins. Anything else is an
 * error naming the line, since jsetkey does not run a shell.
 */
public final class RcConf {
    private final Map<String, String> values;
    private final Map<String, Integer> lines;
    private final String file;
    private final List<String> warnings = new ArrayList<>();

    private RcConf(Map<String, String> values, Map<String, Integer> lines, String file) {
        this.values = values;
        this.lines = lines;
        this.file = file;
    }

    /** @param file how errors name the source */
    public static RcConf parse(String text, String file) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> where = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq > 0 ? line.substring(0, eq) : "";
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not an assignment: " + line
                        + " (expected: name=\"value\", no blanks around =)");
            }
            values.put(name, value(line.substring(eq + 1), file, i + 1));
            where.put(name, i + 1);
        }
        return new RcConf(values, where, file);
    }

    private static String value(String raw, String file, int line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\'') {
                int close = raw.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException(file + ":" + line + ": unterminated " + c + " quote");
                }
                out.append(raw, i + 1, close);
                i = close + 1;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                break;
            } else if (Character.isWhitespace(c)) {
                String rest = raw.substring(i).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    throw new IllegalArgumentException(file + ":" + line
                            + ": value has a blank outside quotes (expected: name=\"several words\")");
                }
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** {@code FILE:LINE} of the assignment of {@code name} that counts (the last), for messages. */
    public String where(String name) {
        return file + ":" + lines.getOrDefault(name, 0);
    }

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * rc.subr's {@code checkyesno}: YES/TRUE/ON/1 and NO/FALSE/OFF/0 in any case; anything else
     * warns "$name is not set properly - see rc.conf(5)." and counts as NO.
     */
    public boolean yes(String name, String defaultValue) {
        String v = get(name, defaultValue).toUpperCase(Locale.ROOT);
        switch (v) {
            case "YES": case "TRUE": case "ON": case "1":
                return true;
            case "NO": case "FALSE": case "OFF": case "0":
                return false;
            default:
                warnings.add("$" + name + " is not set properly - see rc.conf(5).");
                return false;
        }
    }

    /** Warnings collected by {@link #yes}. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
