package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.KnobType;
import org.jsetkey.engine.sysctl.Sysctl;

/**
 * {@code sysctl} arguments: knob names one level at a time ({@code net.inet.} then
 * {@code net.inet.ipsec.}), and after {@code name=} the values the knob accepts; the flags
 * come from the synopsis.
 */
final class SysctlCompleter implements ArgumentCompleter {
    /** "0 discard, 1 none (pass)" in a knob's description: the meaning of each value. */
    private static final Pattern VALUE_MEANING = Pattern.compile("(-?\\d+) ([a-z][a-z ]*?)(?=,|\\s\\(|$)");
    private static final int LISTED_RANGE = 16;

    private final Sysctl sysctl;
    private final ArgumentCompleter flags;

    SysctlCompleter(Sysctl sysctl, ArgumentCompleter flags) {
        this.sysctl = sysctl;
        this.flags = flags;
    }

    @Override
    public List<Suggestion> suggestions(Typed typed, CompletionContext context) {
        String word = typed.word();
        if (word.startsWith("-")) {
            return flags.suggestions(typed, context);
        }
        int eq = word.indexOf('=');
        return eq < 0 ? names(word) : values(word.substring(0, eq), word.substring(eq + 1));
    }

    private List<Suggestion> names(String prefix) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Knob k : sysctl.knobs()) {
            if (!k.name().startsWith(prefix)) {
                continue;
            }
            int dot = k.name().indexOf('.', prefix.length());
            if (dot < 0) {
                // a knob that takes a value gets no blank after it, so '=' can follow at once
                boolean settable = !k.readOnly() && k.type() == KnobType.INT;
                out.putIfAbsent(k.name(), new Suggestion(k.name(), k.name(), k.description(), !settable));
            } else {
                String node = k.name().substring(0, dot);
                out.putIfAbsent(node, new Suggestion(node + ".", node + ".", sysctl.nodeDescription(node), false));
            }
        }
        return new ArrayList<>(out.values());
    }

    private List<Suggestion> values(String name, String prefix) {
        Optional<Knob> knob = sysctl.knob(name);
        if (knob.isEmpty() || knob.get().readOnly() || knob.get().type() != KnobType.INT) {
            return List.of();
        }
        Knob k = knob.get();
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = VALUE_MEANING.matcher(k.description().substring(k.description().indexOf(':') + 1));
        while (m.find()) {
            int v = Integer.parseInt(m.group(1));
            if (k.accepts(v)) {
                values.put(m.group(1), m.group(2).strip());
            }
        }
        if (values.isEmpty() && (long) k.max() - k.min() < LISTED_RANGE) {
            for (int v = k.min(); v <= k.max(); v++) {
                values.put(Integer.toString(v), "");
            }
        }
        String current = sysctl.format(name);
        values.putIfAbsent(current, "");
        values.putIfAbsent(k.defaultValue().toString(), "");
        List<Suggestion> out = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String note = e.getValue();
                if (e.getKey().equals(current)) {
                    note = note.isEmpty() ? "current" : note + " (current)";
                }
                out.add(new Suggestion(name + "=" + e.getKey(), e.getKey(), note, true));
            }
        }
        return out;
    }
}
