package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsetkey.engine.persist.LineWords.Word;
import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.KnobType;
import org.jsetkey.engine.sysctl.Sysctl;

/**
 * A {@code sysctl name=value [name=value ...]} line of a configuration file, as {@code save}
 * writes them. Every name and value is checked while parsing, so a bad line changes nothing.
 */
final class SysctlLine {
    static final String WORD = "sysctl";

    private SysctlLine() {
    }

    static boolean starts(String stripped) {
        return stripped.equals(WORD) || stripped.startsWith(WORD + " ") || stripped.startsWith(WORD + "\t");
    }

    /** The settings in order; applying them sets each knob. */
    static Map<String, Integer> parse(String line, Sysctl sysctl) {
        LineWords words = LineWords.split(line);
        words.expect(WORD);
        Map<String, Integer> settings = new LinkedHashMap<>();
        List<Word> all = new ArrayList<>();
        do {
            all.add(words.next("name=value", List.of("name=value")));
        } while (!words.atEnd());
        for (Word w : all) {
            int eq = w.text().indexOf('=');
            if (eq <= 0 || w.quoted()) {
                throw LineWords.error(w, "not a setting: \"" + w.text() + "\" (a file holds only name=value settings)",
                        List.of("name=value"));
            }
            String name = w.text().substring(0, eq);
            String value = w.text().substring(eq + 1);
            Optional<Knob> knob = sysctl.knob(name);
            if (knob.isEmpty()) {
                throw new LineError(w.column(), name.length(), sysctl.isNode(name) ? "oid '" + name
                        + "' isn't a leaf node" : "unknown oid '" + name + "'", List.of());
            }
            Knob k = knob.get();
            if (k.readOnly() || k.type() != KnobType.INT) {
                throw new LineError(w.column(), name.length(), "oid '" + name + "' is read only", List.of());
            }
            int valueColumn = w.column() + eq + 1;
            int v;
            try {
                v = Integer.decode(value);
            } catch (NumberFormatException e) {
                throw new LineError(valueColumn, Math.max(1, value.length()), "invalid integer '" + value + "'",
                        List.of(k.min() + ".." + k.max()));
            }
            if (!k.accepts(v)) {
                throw new LineError(valueColumn, value.length(), name + ": " + v + " out of range",
                        List.of(k.min() + ".." + k.max()));
            }
            settings.put(name, v);
        }
        return settings;
    }
}
