package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A command's flags and argument names read from its one-line synopsis, the one declaration
 * that help prints, completion offers and {@link GetOpt} parses: {@code ping [-c N] [-i SEC] DEST}
 * has the flags {@code -c} and {@code -i} (each taking an argument) and the operand {@code DEST};
 * a bracket holding one cluster without an argument, {@code [-nv]}, is the flags {@code -n} and
 * {@code -v}; choices of an argument, {@code -p esp|ah}, are named by the first.
 */
public record Synopsis(List<Flag> flags, List<String> operands) {

    /** A flag and the name of its argument (null when it takes none). */
    public record Flag(String name, String argument) {
    }

    public Synopsis {
        flags = List.copyOf(flags);
        operands = List.copyOf(operands);
    }

    public static Synopsis parse(String synopsis) {
        List<String> tokens = tokens(synopsis);
        List<Flag> flags = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("[")) {
                depth++;
            } else if (t.equals("]")) {
                depth = Math.max(0, depth - 1);
            } else if (t.startsWith("-") && t.length() > 1) {
                String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "]";
                boolean hasArgument = !isPunctuation(next) && !next.startsWith("-");
                boolean cluster = !hasArgument && depth > 0 && tokens.get(i - 1).equals("[") && next.equals("]")
                        && t.length() > 2 && t.substring(1).chars().allMatch(Character::isLetterOrDigit);
                if (cluster) {
                    t.substring(1).chars().forEach(c -> flags.add(new Flag("-" + (char) c, null)));
                } else {
                    flags.add(new Flag(t, hasArgument ? next : null));
                    if (hasArgument) {
                        i = lastChoice(tokens, i + 1);
                    }
                }
            } else if (!isPunctuation(t) && !t.equals("...")) {
                operands.add(t);
            }
        }
        return new Synopsis(flags, operands);
    }

    public Optional<Flag> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** An argument name such as FILE, PATH or SCRIPT takes a file name. */
    public static boolean namesFile(String argument) {
        String a = argument.toLowerCase(Locale.ROOT);
        return a.contains("file") || a.contains("path") || a.contains("script") || a.endsWith(".groovy");
    }

    /** An argument name such as DEST, HOST or ADDR takes an address. */
    public static boolean namesAddress(String argument) {
        String a = argument.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return a.equals("dest") || a.equals("dst") || a.equals("src") || a.equals("host") || a.startsWith("addr")
                || a.equals("destination") || a.equals("source") || a.equals("peer");
    }

    /** The index of the last of the choices {@code a|b|c} that start at {@code i}. */
    private static int lastChoice(List<String> tokens, int i) {
        while (i + 2 < tokens.size() && tokens.get(i + 1).equals("|") && !isPunctuation(tokens.get(i + 2))
                && !tokens.get(i + 2).startsWith("-")) {
            i += 2;
        }
        return i;
    }

    private static boolean isPunctuation(String t) {
        return t.equals("[") || t.equals("]") || t.equals("|") || t.equals("...");
    }

    /** Words, with brackets and bars as tokens of their own. */
    private static List<String> tokens(String synopsis) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (char c : synopsis.toCharArray()) {
            if (c == '[' || c == ']' || c == '|' || Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
