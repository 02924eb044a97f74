package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSIX getopt for console commands, reading the options a command's synopsis declares (so
 * help, completion and parsing cannot disagree): {@code -c 5}, {@code -c5}, clustered flags
 * ({@code -nv}), {@code --} ends options, long options {@code --print}, {@code --format X} and
 * {@code --format=X}. Repeated flags are counted ({@code -ss}); a synopsis flag {@code -xx} is
 * {@code -x} twice.
 */
final class GetOpt {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();

    private GetOpt() {
    }

    /** The options {@code usage}'s synopsis declares, parsed from {@code args}. */
    static GetOpt parse(Usage usage, List<String> args) {
        return parse(Synopsis.parse(usage.synopsis()), args);
    }

    /** The options {@code command} declares, or null after reporting a bad one as its usage error. */
    static GetOpt parse(Command command, List<String> args, CommandOutput output) {
        try {
            return parse(command.usage(), args);
        } catch (IllegalArgumentException e) {
            command.usageError(e.getMessage(), output);
            return null;
        }
    }

    /** @throws IllegalArgumentException naming the bad option, in getopt's words */
    static GetOpt parse(Synopsis synopsis, List<String> args) {
        Map<String, Boolean> declared = declared(synopsis);
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
            } else if (a.startsWith("--")) {
                i = g.longOption(declared, args, i);
            } else {
                i = g.shortOptions(declared, args, i);
            }
        }
        for (; i < args.size(); i++) {
            g.operands.add(args.get(i));
        }
        return g;
    }

    /** Option name (no dashes) → whether it takes a value. */
    private static Map<String, Boolean> declared(Synopsis synopsis) {
        Map<String, Boolean> declared = new LinkedHashMap<>();
        for (Synopsis.Flag f : synopsis.flags()) {
            String name = f.name().startsWith("--") ? f.name().substring(2) : f.name().substring(1);
            if (!f.name().startsWith("--") && name.chars().distinct().count() == 1) {
                name = name.substring(0, 1);
            }
            declared.merge(name, f.argument() != null, Boolean::logicalOr);
        }
        return declared;
    }

    private int shortOptions(Map<String, Boolean> declared, List<String> args, int i) {
        String a = args.get(i);
        for (int k = 1; k < a.length(); k++) {
            String c = String.valueOf(a.charAt(k));
            Boolean takesValue = declared.get(c);
            if (takesValue == null) {
                throw new IllegalArgumentException("invalid option -- '" + c + "'");
            }
            if (!takesValue) {
                add(c, "");
                continue;
            }
            if (k + 1 < a.length()) {
                add(c, a.substring(k + 1));
            } else if (i + 1 < args.size()) {
                add(c, args.get(++i));
            } else {
                throw new IllegalArgumentException("option requires an argument -- '" + c + "'");
            }
            break;
        }
        return i;
    }

    private int longOption(Map<String, Boolean> declared, List<String> args, int i) {
        String a = args.get(i);
        int eq = a.indexOf('=');
        String name = a.substring(2, eq < 0 ? a.length() : eq);
        Boolean takesValue = name.length() > 1 ? declared.get(name) : null;
        if (takesValue == null) {
            throw new IllegalArgumentException("unrecognized option '" + a + "'");
        }
        if (!takesValue && eq >= 0) {
            throw new IllegalArgumentException("option '--" + name + "' doesn't allow an argument");
        }
        if (!takesValue) {
            add(name, "");
        } else if (eq >= 0) {
            add(name, a.substring(eq + 1));
        } else if (i + 1 < args.size()) {
            add(name, args.get(++i));
        } else {
            throw new IllegalArgumentException("option '--" + name + "' requires an argument");
        }
        return i;
    }

    private void add(String option, String value) {
        values.computeIfAbsent(option, x -> new ArrayList<>()).add(value);
    }

    boolean has(char c) {
        return has(String.valueOf(c));
    }

    /** Whether the option ({@code 'c'} as "c", {@code --print} as "print") was given. */
    boolean has(String option) {
        return values.containsKey(option);
    }

    int count(char c) {
        return values.getOrDefault(String.valueOf(c), List.of()).size();
    }

    /** The last value given for {@code c}, or null. */
    String value(char c) {
        return value(String.valueOf(c));
    }

    String value(String option) {
        List<String> l = values.get(option);
        return l == null ? null : l.get(l.size() - 1);
    }

    List<String> operands() {
        return List.copyOf(operands);
    }
}
