package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.event.EventType;
import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * Engine events as scripts see them: a map with {@code type} (the name {@code on(...)} uses)
 * and {@code time}, plus the fields of that event.
 */
final class Events {
    /** Every name {@code on(NAME)} accepts: the engine's event labels, then {@code packet}. */
    static final List<String> TYPES = types();

    private Events() {
    }

    private static List<String> types() {
        List<String> l = new ArrayList<>();
        for (EventType t : EventType.values()) {
            l.add(t.label());
        }
        l.add("packet");
        return List.copyOf(l);
    }

    static String type(KeyEvent e) {
        return e.type().label();
    }

    static Map<String, Object> toMap(KeyEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type(e));
        m.put("time", e.timeMillis());
        e.accept(new KeyEvent.Visitor<Void>() {
            @Override
            public Void otherwise(KeyEvent event) {
                return null;
            }

            @Override
            public Void saChange(KeyEvent.SaChange c) {
                sa(m, c.sa());
                return null;
            }

            @Override
            public Void policyChange(KeyEvent.PolicyChange c) {
                m.put("policy", new PolicyView(c.entry()));
                return null;
            }

            @Override
            public Void flush(KeyEvent.Flush f) {
                m.put("proto", f.saType() == null ? "any" : f.saType().keyword());
                return null;
            }

            @Override
            public Void acquire(KeyEvent.Acquire a) {
                m.put("seq", a.seq());
                m.put("src", a.src().format());
                m.put("dst", a.dst().format());
                m.put("proto", a.rule().proto().keyword());
                m.put("mode", a.rule().mode().keyword());
                m.put("level", a.rule().level().keyword());
                m.put("reqid", a.rule().reqid());
                m.put("rule", a.rule().format());
                return null;
            }

            @Override
            public Void expire(KeyEvent.Expire x) {
                sa(m, x.sa().sa());
                m.put("hard", x.hard());
                return null;
            }

            @Override
            public Void drop(KeyEvent.Drop d) {
                m.put("reason", d.reason().name());
                m.put("explanation", d.explanation());
                m.put("details", d.details());
                return null;
            }
        });
        return m;
    }

    private static void sa(Map<String, Object> m, SecurityAssociation sa) {
        m.put("src", sa.src().format());
        m.put("dst", sa.dst().format());
        m.put("proto", sa.type().keyword());
        m.put("spi", sa.spi());
        m.put("mode", sa.mode().keyword());
    }
}
