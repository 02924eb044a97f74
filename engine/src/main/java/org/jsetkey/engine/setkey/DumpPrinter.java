package org.jsetkey.engine.setkey;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SecurityContext;

/**
 * The {@code setkey -D} text (reference §8), KAME/FreeBSD layout byte for byte. Names come
 * from the algorithm table's dump names and the enums.
 */
public final class DumpPrinter {
    public static final String EMPTY = "No SAD entries.\n";
    private static final DateTimeFormatter T20 = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final String NEVER = " ".repeat(20);

    private final ZoneId zone;
    private final long pid;

    public DumpPrinter(ZoneId zone, long pid) {
        this.zone = zone;
        this.pid = pid;
    }

    /** Blocks in the given order (newest first), {@code sadb_seq} counting down to 0; "No SAD entries." when empty. */
    public String print(List<SaEntry> entries, long nowMillis) {
        if (entries.isEmpty()) {
            return EMPTY;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            block(sb, entries.get(i), nowMillis, entries.size() - 1 - i);
        }
        return sb.toString();
    }

    /** One block as {@code get} prints it. */
    public String printOne(SaEntry e, long nowMillis) {
        StringBuilder sb = new StringBuilder();
        block(sb, e, nowMillis, 0);
        return sb.toString();
    }

    private void block(StringBuilder sb, SaEntry e, long now, long seq) {
        SecurityAssociation sa = e.sa();
        sb.append(sa.src().format()).append(' ').append(sa.dst().format()).append('\n');
        sb.append('\t').append(sa.type().keyword()).append(" mode=").append(sa.mode().keyword())
                .append(" spi=").append(sa.spi()).append(String.format("(0x%08x)", sa.spi()))
                .append(" reqid=").append(sa.reqid()).append(String.format("(0x%08x)", sa.reqid())).append('\n');
        byte[] encKey = sa.encKey();
        if (sa.encAlg() != null && encKey != null && encKey.length > 0) {
            sb.append("\tE: ").append(sa.encAlg().dumpName()).append(' ').append(hexdump(encKey)).append('\n');
        }
        byte[] authKey = sa.authKey();
        if (sa.authAlg() != null && authKey != null && authKey.length > 0) {
            sb.append("\tA: ").append(sa.authAlg().dumpName()).append(' ').append(hexdump(authKey)).append('\n');
        }
        if (sa.compAlg() != null) {
            sb.append("\tC: ").append(sa.compAlg().dumpName()).append(' ');
        }
        sb.append(String.format("\tseq=0x%08x replay=%d flags=0x%08x state=%s \n", e.sequence(), sa.replay(),
                sa.flags(), e.state().keyword()));
        securityContext(sb, sa.context());
        sb.append("\tcreated: ").append(time(e.createdMillis(), zone)).append("\tcurrent: ").append(time(now, zone))
                .append('\n');
        sb.append("\tdiff: ").append(Math.max(0, (now - e.createdMillis()) / 1000)).append("(s)\thard: ")
                .append(sa.hard().addtime()).append("(s)\tsoft: ").append(sa.soft().addtime()).append("(s)\n");
        sb.append("\tlast: ").append(time(e.lastUsedMillis(), zone)).append("\thard: 0(s)\tsoft: 0(s)\n");
        sb.append("\tcurrent: ").append(e.bytes()).append("(bytes)\thard: ").append(sa.hard().bytes())
                .append("(bytes)\tsoft: ").append(sa.soft().bytes()).append("(bytes)\n");
        sb.append("\tallocated: ").append(e.allocations()).append("\thard: 0\tsoft: 0\n");
        sb.append("\tsadb_seq=").append(seq).append(" pid=").append(pid).append(" refcnt=1\n");
    }

    /** Lower-case hex, a space before every 4-byte group, a newline (no tab) after every 32 bytes. */
    public static String hexdump(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i != 0 && i % 32 == 0) {
                sb.append('\n');
            }
            if (i % 4 == 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    /** Characters 5-24 of ctime() in {@code zone}; 20 spaces for 0 (never). */
    public static String time(long epochMillis, ZoneId zone) {
        if (epochMillis == 0) {
            return NEVER;
        }
        return T20.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /**
     * ipsec-tools prints these four lines for SAs and policies with -ctx; KAME has no such
     * extension. The length counts the terminating NUL the kernel stores with the string.
     */
    static void securityContext(StringBuilder sb, SecurityContext c) {
        if (c == null) {
            return;
        }
        sb.append("\tsecurity context doi: ").append(c.doi()).append('\n');
        sb.append("\tsecurity context algorithm: ").append(c.algorithm()).append('\n');
        sb.append("\tsecurity context length: ").append(c.context().length() + 1).append('\n');
        sb.append("\tsecurity context: ").append(c.context()).append('\n');
    }
}
