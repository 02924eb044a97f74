package org.jsetkey.engine.soak;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.soak.SoakTally.Count;

/**
 * The key management the soak plays while the flood runs, one step every quarter second:
 * <ul>
 * <li>a rekey of one direction of the flood every {@link #REKEY_STEPS} steps, make before break
 *     as IKE does it: the receiver adds the new SA, then the sender adds it and deletes the old one
 *     (so it sends with the new SPI), and the receiver deletes the old SA half a second later, when
 *     nothing sealed with it can still be on the way;</li>
 * <li>an SA with a 1-second soft and 2-second hard lifetime added on one host, for the key timer
 *     to expire;</li>
 * <li>an unrelated SA added, rekeyed in place ({@code update}) and deleted the next step, and a
 *     policy added and deleted the next step.</li>
 * </ul>
 * Every statement must succeed: a refusal is an error of the soak.
 */
final class Churn {
    static final int REKEY_STEPS = 8;
    static final long SHORT_SPI = 0x50000;
    private static final long GRACE_MILLIS = 500;

    private final Setkey[] hosts;
    private final String[] addresses;
    private final SoakTally tally;
    private final SecureRandom random = new SecureRandom();
    private final long[] generation = new long[2];
    private final Deque<long[]> pendingDeletes = new ArrayDeque<>();
    private long step;

    /** @param hosts phoenix's and cardinal's setkey; {@code addresses} their addresses, same order */
    Churn(Setkey[] hosts, String[] addresses, SoakTally tally) {
        this.hosts = hosts;
        this.addresses = addresses;
        this.tally = tally;
    }

    /** The first SAs and the policies of both directions, on both hosts. */
    void start() {
        for (int d = 0; d < 2; d++) {
            String sa = floodSa(d, generation[d]);
            run(0, sa);
            run(1, sa);
        }
        for (int h = 0; h < 2; h++) {
            String self = addresses[h];
            String peer = addresses[1 - h];
            run(h, "spdadd " + self + " " + peer + " any -P out ipsec esp/transport//require;\n"
                    + "spdadd " + peer + " " + self + " any -P in ipsec esp/transport//require;\n");
        }
    }

    /** The SPI of direction {@code d}'s SA of generation {@code g} (0: phoenix to cardinal). */
    static long floodSpi(int d, long g) {
        return (d == 0 ? 0x10000 : 0x20000) + g;
    }

    private String floodSa(int d, long g) {
        return "add " + addresses[d] + " " + addresses[1 - d] + " esp " + floodSpi(d, g)
                + " -m transport -r 32 -E aes-gcm-16 " + key(20) + ";\n";
    }

    private String delete(int d, long spi) {
        return "delete " + addresses[d] + " " + addresses[1 - d] + " esp " + spi + ";\n";
    }

    void step(long nowMillis) {
        while (!pendingDeletes.isEmpty() && pendingDeletes.peekFirst()[0] <= nowMillis) {
            long[] p = pendingDeletes.removeFirst();
            int d = (int) p[1];
            run(1 - d, delete(d, p[2]));
        }
        if (step % REKEY_STEPS == REKEY_STEPS - 1) {
            rekey((int) (step / REKEY_STEPS % 2), nowMillis);
        }
        int h = (int) (step % 2);
        long shortSpi = SHORT_SPI + step;
        run(h, "add 192.0.2.99 " + addresses[h] + " esp " + shortSpi + " -m transport -ls 1 -lh 2 -E aes-cbc "
                + key(16) + " -A hmac-sha2-256 " + key(32) + ";\n");
        tally.add(Count.SHORT_LIVED);
        long spi = 0x60000 + step % 16;
        String net = "10." + (step % 200) + ".";
        if (step > 0) {
            long previous = 0x60000 + (step - 1) % 16;
            String prevNet = "10." + ((step - 1) % 200) + ".";
            // the previous step worked on the other host
            run(1 - h, "delete 192.0.2.98 " + addresses[1 - h] + " esp " + previous + ";\n");
            tally.add(Count.SA_DELETED);
            run(1 - h, "spddelete " + prevNet + "0.0/16 " + prevNet + "1.0/24 any -P out;\n");
            tally.add(Count.POLICIES_DELETED);
        }
        run(h, "add 192.0.2.98 " + addresses[h] + " esp " + spi + " -E aes-cbc " + key(16) + ";\n");
        run(h, "update 192.0.2.98 " + addresses[h] + " esp " + spi + " -E aes-cbc " + key(16) + ";\n");
        run(h, "spdadd " + net + "0.0/16 " + net + "1.0/24 any -P out ipsec esp/tunnel/192.0.2.98-"
                + addresses[h] + "/require;\n");
        tally.add(Count.SA_ADDED);
        tally.add(Count.SA_UPDATED);
        tally.add(Count.POLICIES_ADDED);
        step++;
    }

    /** Make before break for direction {@code d}; the old SA leaves the receiver after the grace time. */
    private void rekey(int d, long nowMillis) {
        long old = floodSpi(d, generation[d]);
        String sa = floodSa(d, ++generation[d]);
        run(1 - d, sa);
        run(d, sa + delete(d, old));
        pendingDeletes.addLast(new long[] {nowMillis + GRACE_MILLIS, d, old});
        tally.add(Count.REKEYS);
    }

    /** The unrelated SAs of the last step are left in place; the pending deletes are done now. */
    void finish() {
        while (!pendingDeletes.isEmpty()) {
            long[] p = pendingDeletes.removeFirst();
            run(1 - (int) p[1], delete((int) p[1], p[2]));
        }
    }

    private String key(int bytes) {
        byte[] k = new byte[bytes];
        random.nextBytes(k);
        return "0x" + HexFormat.of().formatHex(k);
    }

    private void run(int host, String statements) {
        hosts[host].run(statements, "soak", new SetkeyListener() {
            @Override
            public void output(String text) {
            }

            @Override
            public void diagnostic(Diagnostic d) {
                if (d.severity() == Diagnostic.Severity.ERROR) {
                    tally.error((host == 0 ? "phoenix: " : "cardinal: ") + d.message());
                }
            }
        });
    }
}
