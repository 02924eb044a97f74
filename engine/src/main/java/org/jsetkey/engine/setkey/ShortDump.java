package org.jsetkey.engine.setkey;

import java.util.List;

import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaState;
import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * The one-line-per-SA text of {@code setkey -D -l} (KAME's shortdump): time as minutes and
 * seconds of the hour, satype, state letter, SPI, seconds since creation over the hard
 * lifetime, then {@code src -> dst}.
 */
public final class ShortDump {
    public static final String HEADER = String.format("%-4s %-3s %-1s %-8s %-7s %s -> %s%n",
            "time", "p", "s", "spi", "ltime", "src", "dst");
    private static final String[] STATES = {"L", "M", "D", "d"};

    private ShortDump() {
    }

    /** One line per SA in the given order, dead SAs left out unless {@code includeDead}. */
    public static String print(List<SaEntry> entries, long nowMillis, boolean includeDead) {
        StringBuilder sb = new StringBuilder();
        long now = nowMillis / 1000;
        for (SaEntry e : entries) {
            if (!includeDead && e.state() == SaState.DEAD) {
                continue;
            }
            SecurityAssociation sa = e.sa();
            long age = Math.max(0, now - e.createdMillis() / 1000);
            long hard = sa.hard().addtime();
            String satype = switch (sa.type().number()) {
                case 2 -> "ah";
                case 3 -> "esp";
                default -> "#" + sa.type().number();
            };
            sb.append(String.format("%02d%02d %-3s %-1s %08x %s/%s %s -> %s%n", (now % 3600) / 60, now % 60, satype,
                    STATES[e.state().number()], sa.spi(), age >= 1000 ? "big" : String.format("%3d", age),
                    hard >= 1000 ? "big" : String.format("%-3d", hard), sa.src().format(), sa.dst().format()));
        }
        return sb.toString();
    }
}
