package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSIX getopt for console commands: {@code -c 5}, {@code -c5}, clustered flags
 * ({@code -nv}), {@code --} ends options. {@code spec} lists the letters; a letter
 * followed by ':' takes a value. Repeated flags are counted ({@code -ss}).
 */
final class GetOpt {
    private final Map<Character, List<String>> values = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();

    private GetOpt() {
    }

    /** @throws IllegalArgumentException naming the bad option, in getopt's words */
    static GetOpt parse(String spec, List<String> args) {
        GetOpt g = new GetOpt();
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                g.operands.add(a);
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                int at = spec.indexOf(c);
                if (at < 0 || c == ':') {
                    throw new IllegalArgumentException("invalid option -- '" + c + "'");
                }
                boolean takesValue = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
                if (!takesValue) {
                    g.values.computeIfAbsent(c, x -> new ArrayList<>()).add("");
                    continue;
                }
                String v;
                if (k + 1 < a.length()) {
                    v = a.substring(k + 1);
                } else if (i + 1 < args.size()) {
                    v = args.get(++i);
                } else {
                    throw new IllegalArgumentException("option requires an argument -- '" + c + "'");
                }
                g.values.computeIfAbsent(c, x -> new ArrayList<>()).add(v);
                break;
            }
        }
        for (; i < args.size(); i++) {
            g.operands.add(args.get(i));
        }
        return g;
    }

    boolean has(char c) {
        return values.containsKey(c);
    }

    int count(char c) {
        return values.getOrDefault(c, List.of()).size();
    }

    /** The last value given for {@code c}, or null. */
    String value(char c) {
        List<String> l = values.get(c);
        return l == null ? null : l.get(l.size() - 1);
    }

    List<String> operands() {
        return List.copyOf(operands);
    }
}
