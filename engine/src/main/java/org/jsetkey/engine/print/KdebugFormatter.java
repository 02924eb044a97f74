package org.jsetkey.engine.print;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.event.EventType;
import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.Lifetime;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;

/**
 * {@code setkey -x} / {@code -xx} text (architecture.md §15, FreeBSD 12+ kdebug_sadb): a
 * timestamp line, the PF_KEY message body, a blank line. Broadcast replies (ADD, DELETE,
 * FLUSH, SPDADD, ...) are printed twice as the monitor socket receives them twice;
 * ACQUIRE and EXPIRE once. Drops are not PF_KEY messages and print nothing.
 *
 * @param epoch {@code -xx}: epoch seconds instead of the time of day
 * @param pid   the pid replies to this process's requests carry
 */
public record KdebugFormatter(ZoneId zone, boolean epoch, long pid) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.US);

    /** The monitor's text for one event, or "" for events that are not PF_KEY messages. */
    public String format(KeyEvent event) {
        String body = body(event);
        if (body == null) {
            return "";
        }
        String one = timestamp(event.timeMillis()) + "\n" + body + "\n";
        return broadcast(event) ? one + one : one;
    }

    private static boolean broadcast(KeyEvent e) {
        return e.type() != EventType.ACQUIRE && e.type() != EventType.EXPIRE;
    }

    String timestamp(long millis) {
        long micros = (millis % 1000) * 1000;
        if (epoch) {
            return (millis / 1000) + String.format(".%06d ", micros);
        }
        return TIME.format(Instant.ofEpochMilli(millis).atZone(zone)) + String.format(".%06d ", micros);
    }

    private String body(KeyEvent e) {
        Message m = e.accept(new KeyEvent.Visitor<Message>() {
            @Override
            public Message otherwise(KeyEvent event) {
                return event.type() == EventType.SPDFLUSH ? new Message(19, "X_SPDFLUSH", 0, 0, pid, 0) : null;
            }

            @Override
            public Message saChange(KeyEvent.SaChange c) {
                return c.type() == EventType.DELETE ? deleted(c.sa(), pid)
                        : c.type() == EventType.ADD ? saMessage(3, "ADD", c.sa(), pid)
                        : saMessage(2, "UPDATE", c.sa(), pid);
            }

            @Override
            public Message policyChange(KeyEvent.PolicyChange c) {
                return c.type() == EventType.SPDADD ? spdMessage(14, "X_SPDADD", c.entry())
                        : c.type() == EventType.SPDUPDATE ? spdMessage(13, "X_SPDUPDATE", c.entry())
                        : spdMessage(15, "X_SPDDELETE", c.entry());
            }

            @Override
            public Message flush(KeyEvent.Flush f) {
                return new Message(9, "FLUSH", f.saType() == null ? 0 : f.saType().number(), 0, pid, 0);
            }

            @Override
            public Message acquire(KeyEvent.Acquire a) {
                return KdebugFormatter.acquire(a);
            }

            @Override
            public Message expire(KeyEvent.Expire x) {
                return KdebugFormatter.expire(x);
            }
        });
        return m == null ? null : m.text();
    }

    private static Message deleted(SecurityAssociation sa, long pid) {
        Message m = new Message(4, "DELETE", sa.type().number(), 0, pid, 0);
        m.ext(2, 1, "SA", "sadb_sa{ spi=" + sa.spi() + " replay=0 state=0\n"
                + "  auth=0 encrypt=0 flags=0x00000000 }");
        addresses(m, sa.src(), sa.dst(), 255);
        return m;
    }

    private static Message saMessage(int type, String name, SecurityAssociation sa, long pid) {
        Message m = new Message(type, name, sa.type().number(), 0, pid, 0);
        m.ext(2, 1, "SA", saBody(sa, 0, sa.flags()));
        m.ext(2, 19, "SA2", "sadb_x_sa2{ mode=" + sa.mode().number() + " reqid=" + sa.reqid() + "\n"
                + "  reserved1=0 reserved2=0 sequence=0 }");
        addresses(m, sa.src(), sa.dst(), 255);
        if (!sa.hard().isNone()) {
            m.ext(4, 3, "LIFETIME_HARD", lifetime(0, sa.hard().bytes(), sa.hard().addtime(), 0));
        }
        if (!sa.soft().isNone()) {
            m.ext(4, 4, "LIFETIME_SOFT", lifetime(0, sa.soft().bytes(), sa.soft().addtime(), 0));
        }
        return m;
    }

    private static String saBody(SecurityAssociation sa, int state, int flags) {
        int auth = id(sa.authAlg());
        int enc = sa.type() == SaType.IPCOMP ? id(sa.compAlg()) : id(sa.encAlg());
        return "sadb_sa{ spi=" + sa.spi() + " replay=" + sa.replay() + " state=" + state + "\n"
                + "  auth=" + auth + " encrypt=" + enc + String.format(" flags=0x%08x }", flags);
    }

    private static int id(Algorithm a) {
        return a == null ? 0 : a.sadbId();
    }

    private static String lifetime(long alloc, long bytes, long addtime, long usetime) {
        return "sadb_lifetime{ alloc=" + alloc + ", bytes=" + bytes + "\n"
                + "  addtime=" + addtime + ", usetime=" + usetime + " }";
    }

    private static void addresses(Message m, IpAddress src, IpAddress dst, int proto) {
        address(m, 5, "ADDRESS_SRC", src, src.bitLength(), proto);
        address(m, 6, "ADDRESS_DST", dst, dst.bitLength(), proto);
    }

    private static void address(Message m, int type, String name, IpAddress a, int prefix, int proto) {
        m.ext(a.isV4() ? 3 : 5, type, name, "sadb_address{ proto=" + proto + " prefixlen=" + prefix
                + " reserved=0x0000 }\n" + sockaddr(a));
    }

    private static String sockaddr(IpAddress a) {
        return "sockaddr{ len=" + (a.isV4() ? 16 : 28) + " family=" + (a.isV4() ? 2 : 28) + " addr=" + a.format()
                + " }";
    }

    private Message spdMessage(int type, String name, SpdEntry entry) {
        Policy p = entry.policy();
        Message m = new Message(type, name, 0, 0, pid, 0);
        policy(m, p, entry.id(), true);
        int proto = p.selector().upperProtocol();
        address(m, 5, "ADDRESS_SRC", p.selector().src().address(), p.selector().src().length(), proto);
        address(m, 6, "ADDRESS_DST", p.selector().dst().address(), p.selector().dst().length(), proto);
        return m;
    }

    private static void policy(Message m, Policy p, long id, boolean withRules) {
        StringBuilder sb = new StringBuilder("sadb_x_policy{ type=").append(p.action().number())
                .append(" dir=").append(p.direction().number()).append(" id=").append(Long.toHexString(id))
                .append(" scope=0 priority=").append(p.priority() == null ? 0 : p.priority().stored()).append(" }");
        int bytes = 16;
        if (withRules) {
            for (PolicyRule r : p.rules()) {
                int len = 16;
                String ends = "";
                if (r.hasEndpoints()) {
                    int sa = r.tunnelSrc().isV4() ? 16 : 28;
                    len += pad8(2 * sa);
                    ends = "\n" + sockaddr(r.tunnelSrc()) + "\n" + sockaddr(r.tunnelDst());
                }
                bytes += len;
                sb.append("\n { len=").append(len).append(" proto=").append(r.proto().ipProtocol())
                        .append(" mode=").append(r.mode().number()).append(" level=").append(r.level().number())
                        .append(" reqid=").append(r.reqid()).append(ends).append("\n }");
            }
        }
        m.ext(bytes / 8, 18, "POLICY", sb.toString());
    }

    private static int pad8(int n) {
        return (n + 7) / 8 * 8;
    }

    private static Message acquire(KeyEvent.Acquire a) {
        Message m = new Message(6, "ACQUIRE", a.rule().proto().number(), 0, 0, a.seq());
        address(m, 5, "ADDRESS_SRC", a.src(), a.src().bitLength(), 255);
        address(m, 6, "ADDRESS_DST", a.dst(), a.dst().bitLength(), 255);
        if (a.policy() != null) {
            policy(m, a.policy().policy(), a.policy().id(), false);
        }
        boolean esp = a.rule().proto() == SaType.ESP;
        String comb = esp
                ? "sadb_comb{ auth=0 encrypt=12 flags=0x0000 reserved=0x00000000\n"
                        + "  auth_minbits=0 auth_maxbits=0 encrypt_minbits=128 encrypt_maxbits=256\n"
                        + "  soft_alloc=0 hard_alloc=0 soft_bytes=0 hard_bytes=0\n"
                        + "  soft_alloc=0 hard_alloc=0 soft_bytes=0 hard_bytes=0 }"
                : "sadb_comb{ auth=3 encrypt=0 flags=0x0000 reserved=0x00000000\n"
                        + "  auth_minbits=160 auth_maxbits=160 encrypt_minbits=0 encrypt_maxbits=0\n"
                        + "  soft_alloc=1 hard_alloc=1 soft_bytes=0 hard_bytes=0\n"
                        + "  soft_alloc=0 hard_alloc=86400 soft_bytes=28800 hard_bytes=0 }";
        m.ext(10, 13, "PROPOSAL", "sadb_prop{ replay=32\n" + comb + "\n}");
        return m;
    }

    private static Message expire(KeyEvent.Expire x) {
        SaEntry e = x.sa();
        SecurityAssociation sa = e.sa();
        Message m = new Message(8, "EXPIRE", sa.type().number(), 1, 0, 0);
        m.ext(2, 1, "SA", saBody(sa, x.hard() ? 3 : 2, sa.flags()));
        m.ext(2, 19, "SA2", "sadb_x_sa2{ mode=" + sa.mode().number() + " reqid=" + sa.reqid() + "\n"
                + "  reserved1=0 reserved2=0 sequence=" + e.packets() + " }");
        m.ext(4, 2, "LIFETIME_CURRENT", lifetime(e.packets(), e.bytes(), e.createdMillis() / 1000,
                e.lastUsedMillis() / 1000));
        Lifetime limit = x.hard() ? sa.hard() : sa.soft();
        m.ext(4, x.hard() ? 3 : 4, x.hard() ? "LIFETIME_HARD" : "LIFETIME_SOFT",
                lifetime(0, limit.bytes(), limit.addtime(), 0));
        addresses(m, sa.src(), sa.dst(), 255);
        return m;
    }

    /** A sadb_msg header and its extensions; {@code len} is computed from the extensions. */
    private static final class Message {
        private final int type;
        private final String name;
        private final int satype;
        private final int reserved;
        private final long pid;
        private final long seq;
        private final List<String> exts = new ArrayList<>();
        private int units = 2;

        Message(int type, String name, int satype, int reserved, long pid, long seq) {
            this.type = type;
            this.name = name;
            this.satype = satype;
            this.reserved = reserved;
            this.pid = pid;
            this.seq = seq;
        }

        void ext(int len, int extType, String extName, String body) {
            units += len;
            exts.add("sadb_ext{ len=" + len + " type=" + extType + "(" + extName + ") }\n" + body + "\n");
        }

        String text() {
            StringBuilder sb = new StringBuilder("sadb_msg{ version=2 type=").append(type).append('(').append(name)
                    .append(") errno=0 satype=").append(satype).append("\n  len=").append(units)
                    .append(" reserved=").append(reserved).append(" seq=").append(seq).append(" pid=").append(pid)
                    .append('\n');
            exts.forEach(sb::append);
            return sb.toString();
        }
    }
}
