package org.jsetkey.engine.setkey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaState;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SecurityContext;

/**
 * The {@code setkey -D} text (architecture.md §8), KAME/FreeBSD layout byte for byte. Names come
 * from the algorithm table's dump names and the enums. Blocks are written one at a time to an
 * {@link Appendable}, so a dump of a large SAD streams; numbers are formatted by hand, as
 * {@code String.format} dominated the time of a 100,000-SA dump.
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
        StringBuilder sb = new StringBuilder();
        print(entries, nowMillis, sb);
        return sb.toString();
    }

    /**
     * As {@link #print(List, long)}, block by block to {@code out}. A thread interrupted while
     * it prints (Ctrl-C on a dump of many SAs) stops after the block it is writing.
     */
    public void print(List<SaEntry> entries, long nowMillis, Appendable out) {
        List<SaState> states = new ArrayList<>(entries.size());
        for (SaEntry e : entries) {
            states.add(e.state());
        }
        print(entries, states, nowMillis, out);
    }

    /**
     * As {@link #print(List, long, Appendable)} with each SA's state as the caller read it when it
     * chose the SA, so an SA that expires while the dump prints is not shown {@code dead} in a
     * dump that left the dead out.
     */
    public void print(List<SaEntry> entries, List<SaState> states, long nowMillis, Appendable out) {
        try {
            if (entries.isEmpty()) {
                out.append(EMPTY);
                return;
            }
            Times times = new Times(zone, nowMillis);
            StringBuilder sb = new StringBuilder(1024);
            for (int i = 0; i < entries.size(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // Ctrl-C: the dump stops between two blocks, the interrupt stays set
                }
                sb.setLength(0);
                block(sb, entries.get(i), states.get(i), times, entries.size() - 1 - i);
                out.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One block as {@code get} prints it. */
    public String printOne(SaEntry e, long nowMillis) {
        StringBuilder sb = new StringBuilder();
        block(sb, e, e.state(), new Times(zone, nowMillis), 0);
        return sb.toString();
    }

    /** ctime text for the dump's "current" time and the last creation second seen (SAs loaded together share it). */
    private static final class Times {
        private final ZoneId zone;
        private final long now;
        private final String nowText;
        private long lastSecond = -1;
        private String lastText;

        Times(ZoneId zone, long now) {
            this.zone = zone;
            this.now = now;
            this.nowText = time(now, zone);
        }

        String format(long millis) {
            if (millis == 0) {
                return NEVER;
            }
            long second = Math.floorDiv(millis, 1000);
            if (second != lastSecond) {
                lastSecond = second;
                lastText = time(millis, zone);
            }
            return lastText;
        }
    }

    private void block(StringBuilder sb, SaEntry e, SaState state, Times times, long seq) {
        long now = times.now;
        SecurityAssociation sa = e.sa();
        NatT natt = e.natT();
        sb.append(sa.src().format());
        if (natt != null) {
            sb.append('[').append(natt.sport()).append(']');
        }
        sb.append(' ').append(sa.dst().format());
        if (natt != null) {
            sb.append('[').append(natt.dport()).append(']');
        }
        sb.append('\n');
        sb.append('\t').append(natt != null ? "esp-udp" : sa.type().keyword()).append(" mode=")
                .append(sa.mode().keyword()).append(" spi=").append(sa.spi()).append("(0x");
        hex8(sb, sa.spi()).append(") reqid=").append(sa.reqid()).append("(0x");
        hex8(sb, sa.reqid()).append(")\n");
        if (natt != null && (natt.originalAddress() != null || natt.originalResponder() != null)) {
            // as FreeBSD's pfkey_sadump: each original address that is known; -natt_mtu is not printed
            sb.append("\tNAT:");
            if (natt.originalAddress() != null) {
                sb.append(" OAI=").append(natt.originalAddress().format());
            }
            if (natt.originalResponder() != null) {
                sb.append(" OAR=").append(natt.originalResponder().format());
            }
            sb.append('\n');
        }
        byte[] encKey = sa.encKey();
        if (sa.encAlg() != null && encKey != null && encKey.length > 0) {
            sb.append("\tE: ").append(sa.encAlg().dumpName()).append(' ');
            hexdump(sb, encKey).append('\n');
        }
        byte[] authKey = sa.authKey();
        if (sa.authAlg() != null && authKey != null && authKey.length > 0) {
            sb.append("\tA: ").append(sa.authAlg().dumpName()).append(' ');
            hexdump(sb, authKey).append('\n');
        }
        if (sa.compAlg() != null) {
            sb.append("\tC: ").append(sa.compAlg().dumpName()).append(' ');
        }
        sb.append("\tseq=0x");
        hex8(sb, e.sequence()).append(" replay=").append(sa.replay()).append(" flags=0x");
        hex8(sb, sa.flags() & 0xffffffffL).append(" state=").append(state.keyword()).append(" \n");
        securityContext(sb, sa.context());
        sb.append("\tcreated: ").append(times.format(e.createdMillis())).append("\tcurrent: ").append(times.nowText)
                .append('\n');
        sb.append("\tdiff: ").append(Math.max(0, (now - e.createdMillis()) / 1000)).append("(s)\thard: ")
                .append(sa.hard().addtime()).append("(s)\tsoft: ").append(sa.soft().addtime()).append("(s)\n");
        sb.append("\tlast: ").append(times.format(e.lastUsedMillis())).append("\thard: 0(s)\tsoft: 0(s)\n");
        sb.append("\tcurrent: ").append(e.bytes()).append("(bytes)\thard: ").append(sa.hard().bytes())
                .append("(bytes)\tsoft: ").append(sa.soft().bytes()).append("(bytes)\n");
        sb.append("\tallocated: ").append(e.allocations()).append("\thard: 0\tsoft: 0\n");
        sb.append("\tsadb_seq=").append(seq).append(" pid=").append(pid).append(" refcnt=1\n");
    }

    /** Lower-case hex, a space before every 4-byte group, a newline (no tab) after every 32 bytes. */
    public static String hexdump(byte[] bytes) {
        return hexdump(new StringBuilder(), bytes).toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static StringBuilder hexdump(StringBuilder sb, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (i != 0 && i % 32 == 0) {
                sb.append('\n');
            }
            if (i % 4 == 0) {
                sb.append(' ');
            }
            sb.append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
        }
        return sb;
    }

    /** {@code %08x} of a 32-bit value: eight lower-case digits, more when the value is wider. */
    private static StringBuilder hex8(StringBuilder sb, long value) {
        String h = Long.toHexString(value);
        for (int i = h.length(); i < 8; i++) {
            sb.append('0');
        }
        return sb.append(h);
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
