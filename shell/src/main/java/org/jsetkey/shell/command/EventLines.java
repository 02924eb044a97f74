package org.jsetkey.shell.command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Selector;
import org.jsetkey.engine.spd.SpdEntry;

/** One readable line per key engine message: {@code HH:MM:SS.mmm ADD esp 192.0.2.10 > ... spi=...}. */
final class EventLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.US);

    private final ZoneId zone;

    EventLines(ZoneId zone) {
        this.zone = zone;
    }

    String format(KeyEvent e) {
        return TIME.format(Instant.ofEpochMilli(e.timeMillis()).atZone(zone)) + " " + body(e);
    }

    static String body(KeyEvent e) {
        String name = e.type().name();
        return e.accept(new KeyEvent.Visitor<String>() {
            @Override
            public String otherwise(KeyEvent event) {
                return name;
            }

            @Override
            public String saChange(KeyEvent.SaChange c) {
                return name + " " + sa(c.sa());
            }

            @Override
            public String policyChange(KeyEvent.PolicyChange c) {
                return name + " " + policy(c.entry());
            }

            @Override
            public String flush(KeyEvent.Flush f) {
                return f.saType() == null ? name : name + " " + f.saType().keyword();
            }

            @Override
            public String acquire(KeyEvent.Acquire a) {
                return name + " seq=" + a.seq() + " " + a.rule().proto().keyword() + " " + a.src() + " > " + a.dst()
                        + " for " + a.rule().format()
                        + (a.policy() == null ? " (socket policy)" : " (policy id=" + a.policy().id() + ")");
            }

            @Override
            public String expire(KeyEvent.Expire x) {
                return name + " " + (x.hard() ? "hard " : "soft ") + sa(x.sa().sa()) + " packets="
                        + x.sa().packets() + " bytes=" + x.sa().bytes();
            }

            @Override
            public String drop(KeyEvent.Drop d) {
                return name + " " + d.reason() + ": " + d.explanation();
            }
        });
    }

    private static String sa(SecurityAssociation sa) {
        StringBuilder sb = new StringBuilder(sa.type().keyword()).append(' ').append(sa.src()).append(" > ")
                .append(sa.dst()).append(" spi=").append(sa.spi())
                .append(String.format("(0x%08x)", sa.spi())).append(" mode=").append(sa.mode().keyword());
        if (sa.reqid() != 0) {
            sb.append(" reqid=").append(sa.reqid());
        }
        if (sa.encAlg() != null) {
            sb.append(" E=").append(sa.encAlg().name());
        }
        if (sa.authAlg() != null) {
            sb.append(" A=").append(sa.authAlg().name());
        }
        if (sa.compAlg() != null) {
            sb.append(" C=").append(sa.compAlg().name());
        }
        return sb.toString();
    }

    private static String policy(SpdEntry entry) {
        Policy p = entry.policy();
        Selector s = p.selector();
        List<String> words = new ArrayList<>();
        words.add(end(s.src().format(), s.srcPort()));
        words.add(end(s.dst().format(), s.dstPort()));
        words.add(s.upperProtocol() == 255 ? "any" : Integer.toString(s.upperProtocol()));
        words.add(p.direction().keyword());
        words.add(p.action().keyword());
        for (PolicyRule r : p.rules()) {
            words.add(r.format());
        }
        words.add("id=" + entry.id());
        return String.join(" ", words);
    }

    private static String end(String prefix, int port) {
        return prefix + "[" + (port == 0 ? "any" : Integer.toString(port)) + "]";
    }
}
