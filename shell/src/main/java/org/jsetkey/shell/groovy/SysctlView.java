package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.Sysctl;

/** The host's sysctl knobs: {@code sysctl['net.inet.ipsec.esp_trans_deflev'] = 2}, {@code sysctl['...']}. */
public final class SysctlView {
    private final Sysctl sysctl;

    SysctlView(Sysctl sysctl) {
        this.sysctl = sysctl;
    }

    /** The value: an Integer for integer knobs, else the text. */
    public Object getAt(String name) {
        String text = sysctl.format(name);
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    public void putAt(String name, Object value) {
        int v;
        if (value instanceof Number n) {
            v = n.intValue();
        } else {
            try {
                v = Integer.parseInt(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sysctl: " + name + "=" + value + ": not an integer");
            }
        }
        sysctl.setInt(name, v);
    }

    public List<String> getNames() {
        List<String> names = new ArrayList<>();
        for (Knob k : sysctl.knobs()) {
            names.add(k.name());
        }
        return names;
    }

    @Override
    public String toString() {
        return "sysctl (" + sysctl.knobs().size() + " knobs)";
    }
}
