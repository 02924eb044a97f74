package org.jsetkey.shell.groovy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.SpdEntry;

/**
 * Engine events as scripts see them: a map with {@code type} (the name {@code on(...)} uses)
 * and {@code time}, plus the fields of that event.
 */
final class Events {
    /** Every name {@code on(NAME)} accepts. */
    static final List<String> TYPES = List.of("add", "update", "delete", "flush", "spdadd", "spdupdate",
            "spddelete", "spdflush", "acquire", "expire", "drop", "packet");

    private Events() {
    }

    static String type(KeyEvent e) {
        return e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Object> toMap(KeyEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type(e));
        m.put("time", e.timeMillis());
        if (e instanceof KeyEvent.Add a) {
            sa(m, a.sa());
        } else if (e instanceof KeyEvent.Update u) {
            sa(m, u.sa());
        } else if (e instanceof KeyEvent.Delete d) {
            sa(m, d.sa());
        } else if (e instanceof KeyEvent.Flush f) {
            m.put("proto", f.type() == null ? "any" : f.type().keyword());
        } else if (e instanceof KeyEvent.SpdAdd a) {
            policy(m, a.entry());
        } else if (e instanceof KeyEvent.SpdUpdate u) {
            policy(m, u.entry());
        } else if (e instanceof KeyEvent.SpdDelete d) {
            policy(m, d.entry());
        } else if (e instanceof KeyEvent.Acquire a) {
            m.put("seq", a.seq());
            m.put("src", a.src().format());
            m.put("dst", a.dst().format());
            m.put("proto", a.rule().proto().keyword());
            m.put("mode", a.rule().mode().keyword());
            m.put("level", a.rule().level().keyword());
            m.put("reqid", a.rule().reqid());
            m.put("rule", a.rule().format());
        } else if (e instanceof KeyEvent.Expire x) {
            sa(m, x.sa().sa());
            m.put("hard", x.hard());
        } else if (e instanceof KeyEvent.Drop d) {
            m.put("reason", d.reason());
            m.put("explanation", d.explanation());
            m.put("details", d.details());
        }
        return m;
    }

    private static void sa(Map<String, Object> m, SecurityAssociation sa) {
        m.put("src", sa.src().format());
        m.put("dst", sa.dst().format());
        m.put("proto", sa.type().keyword());
        m.put("spi", sa.spi());
        m.put("mode", sa.mode().keyword());
    }

    private static void policy(Map<String, Object> m, SpdEntry e) {
        m.put("policy", new PolicyView(e));
    }
}
