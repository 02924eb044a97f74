package org.jsetkey.engine.sysctl;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jsetkey.engine.sysctl.SysctlRefusal.Kind;

/**
 * FreeBSD 13/14 {@code sysctl(8)} against a {@link Sysctl} (architecture.md §19): the output
 * lines, the warnings and the exit status, as a function of the arguments. The console
 * command and scripts both call {@link #run}.
 */
public final class SysctlCommand {
    static final String USAGE = "usage: sysctl [-bdehiNnoqTtWx] [ -B <bufsize> ] [-f filename] name[=value] ...\n"
            + "       sysctl [-bdehNnoqTtWx] [ -B <bufsize> ] -a\n";

    private final Sysctl sysctl;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private boolean all;
    private boolean describe;
    private boolean equalsSign;
    private boolean ignoreUnknown;
    private boolean valueOnly;
    private boolean nameOnly;
    private boolean quiet;

    private SysctlCommand(Sysctl sysctl) {
        this.sysctl = sysctl;
    }

    /** Runs {@code sysctl ARGS...} ({@code args} without the command word). */
    public static SysctlResult run(Sysctl sysctl, List<String> args) {
        return new SysctlCommand(sysctl).execute(args);
    }

    private SysctlResult execute(List<String> args) {
        int first = parseOptions(args);
        if (first < 0) {
            return result(1);
        }
        List<String> names = args.subList(first, args.size());
        if (names.isEmpty()) {
            if (!all) {
                err.append(USAGE);
                return result(1);
            }
            for (Knob k : sysctl.knobs()) {
                showLeaf(k);
                out.append('\n');
            }
            return result(0);
        }
        int failures = 0;
        for (String arg : names) {
            failures += parse(arg);
        }
        return result(failures);
    }

    /** getopt(3): flags until the first non-option or "--"; returns the index of the first name, -1 on error. */
    private int parseOptions(List<String> args) {
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                return i + 1;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                return i;
            }
            for (int j = 1; j < a.length(); j++) {
                if (!flag(a.charAt(j))) {
                    err.append("sysctl: illegal option -- ").append(a.charAt(j)).append('\n').append(USAGE);
                    return -1;
                }
            }
        }
        return i;
    }

    private boolean flag(char c) {
        switch (c) {
            case 'a': all = true; return true;
            case 'd': describe = true; return true;
            case 'e': equalsSign = true; return true;
            case 'i': ignoreUnknown = true; return true;
            case 'n': valueOnly = true; return true;
            case 'N': nameOnly = true; return true;
            case 'q': quiet = true; return true;
            default: return false;
        }
    }

    /** One argument: {@code name}, {@code name=value} or {@code name:value}. Returns 1 on failure. */
    private int parse(String arg) {
        String text = arg.stripLeading();
        int sep = indexOfSeparator(text);
        String name = sep < 0 ? text : text.substring(0, sep);
        String value = sep < 0 ? null : stripQuotes(text.substring(sep + 1).stripLeading());
        name = name.stripTrailing();

        Optional<Knob> knob = sysctl.knob(name);
        boolean node = knob.isEmpty() && !name.isEmpty() && sysctl.isNode(name);
        if (knob.isEmpty() && !node) {
            if (ignoreUnknown) {
                return 0;
            }
            if (!quiet) {
                warn("unknown oid '" + name + "'");
            }
            return 1;
        }
        if (value == null || describe) {
            if (node) {
                if (describe) {
                    out.append(prefix(name)).append(sysctl.nodeDescription(name)).append('\n');
                }
                for (Knob k : sysctl.below(name)) {
                    showLeaf(k);
                    out.append('\n');
                }
            } else {
                showLeaf(knob.get());
                out.append('\n');
            }
            return 0;
        }
        if (node) {
            warn("oid '" + name + "' isn't a leaf node");
            return 1;
        }
        return set(knob.get(), value, arg);
    }

    private int set(Knob knob, String value, String arg) {
        if (knob.readOnly()) {
            warn("oid '" + knob.name() + "' is read only");
            return 1;
        }
        if (knob.type() != KnobType.INT) {
            warn("oid '" + knob.name() + "' is type " + knob.type().typeName() + ", cannot set that");
            return 1;
        }
        if (value.isEmpty()) {
            warn("empty numeric value");
            return 1;
        }
        OptionalLong parsed = StrtolParser.parse(value);
        if (parsed.isEmpty()) {
            warn("invalid " + knob.type().typeName() + " '" + value + "'");
            return 1;
        }
        showLeaf(knob);
        try {
            sysctl.setInt(knob.name(), (int) parsed.getAsLong()); // C's (int) cast of strtol's long
        } catch (SysctlRefusal refusal) {
            out.append('\n');
            warn(arg + ": " + (refusal.kind() == Kind.READ_ONLY ? "Operation not permitted" : "Invalid argument"));
            return 1;
        }
        out.append(" -> ");
        out.append(nameOnly ? knob.name() : sysctl.format(knob.name())).append('\n');
        return 0;
    }

    /** show_var(): one leaf without its newline. */
    private void showLeaf(Knob k) {
        if (nameOnly) {
            out.append(k.name());
        } else if (describe) {
            out.append(prefix(k.name())).append(k.description());
        } else {
            out.append(prefix(k.name())).append(sysctl.format(k.name()));
        }
    }

    private String prefix(String name) {
        if (valueOnly) {
            return "";
        }
        return name + (equalsSign ? "=" : ": ");
    }

    private static int indexOfSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '=' || s.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }

    /** One pair of surrounding quotes, as sysctl.c does it: the closing one only if it matches. */
    private static String stripQuotes(String v) {
        if (v.isEmpty() || (v.charAt(0) != '"' && v.charAt(0) != '\'')) {
            return v;
        }
        String body = v.charAt(v.length() - 1) == v.charAt(0) ? v.substring(0, v.length() - 1) : v;
        return body.isEmpty() ? "" : body.substring(1);
    }

    private void warn(String message) {
        err.append("sysctl: ").append(message).append('\n');
    }

    private SysctlResult result(int status) {
        return new SysctlResult(out.toString(), err.toString(), status);
    }
}
