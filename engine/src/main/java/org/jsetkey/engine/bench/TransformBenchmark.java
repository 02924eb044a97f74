package org.jsetkey.engine.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.xform.Xform;
import org.jsetkey.engine.xform.XformException;

/**
 * Seal+open throughput per transform on one packet size, reported as a ratio to ESP with
 * null encryption measured in the same run (rounds interleaved, so a noisy shared machine
 * shifts baseline and candidates alike). Bounded: {@code rounds} x cases x {@code millis}.
 */
public final class TransformBenchmark {
    private static final IpAddress SRC = IpAddress.parse("192.0.2.10");
    private static final IpAddress DST = IpAddress.parse("198.51.100.20");

    /** A transform to measure: a label and the setkey statement creating its SA (SPI 0x1000). */
    public record Case(String label, String addStatement) {
    }

    /** Packets per second of one case and its ratio to the baseline (higher is faster). */
    public record Result(String label, double packetsPerSecond, double ratio) {
    }

    public static List<Case> defaultCases() {
        String sa = "add 192.0.2.10 198.51.100.20 ";
        List<Case> l = new ArrayList<>();
        l.add(new Case("esp null (baseline)", sa + "esp 0x1000 -E null;"));
        l.add(new Case("esp aes-cbc-128 + hmac-sha1", sa + "esp 0x1000 -E aes-cbc 0x" + hex(16)
                + " -A hmac-sha1 0x" + hex(20) + ";"));
        l.add(new Case("esp aes-cbc-256 + hmac-sha2-256", sa + "esp 0x1000 -E aes-cbc 0x" + hex(32)
                + " -A hmac-sha2-256 0x" + hex(32) + ";"));
        l.add(new Case("esp aes-gcm-16 (128)", sa + "esp 0x1000 -E aes-gcm-16 0x" + hex(20) + ";"));
        l.add(new Case("esp aes-ctr (128) + hmac-sha1", sa + "esp 0x1000 -E aes-ctr 0x" + hex(20)
                + " -A hmac-sha1 0x" + hex(20) + ";"));
        l.add(new Case("esp chacha20-poly1305", sa + "esp 0x1000 -E chacha20-poly1305 0x" + hex(36) + ";"));
        l.add(new Case("esp 3des-cbc + hmac-md5", sa + "esp 0x1000 -E 3des-cbc 0x" + hex(24)
                + " -A hmac-md5 0x" + hex(16) + ";"));
        l.add(new Case("esp blowfish-cbc (how-to)", sa + "esp 0x1000 -E blowfish-cbc \"12345\";"));
        l.add(new Case("esp camellia-cbc + hmac-sha2-512", sa + "esp 0x1000 -E camellia-cbc 0x" + hex(16)
                + " -A hmac-sha2-512 0x" + hex(64) + ";"));
        l.add(new Case("ah hmac-md5 (how-to)", sa + "ah 0x1000 -A hmac-md5 \"1234567890123456\";"));
        l.add(new Case("ah aes-xcbc-mac", sa + "ah 0x1000 -A aes-xcbc-mac 0x" + hex(16) + ";"));
        l.add(new Case("ipcomp deflate", sa + "ipcomp 0x1000 -C deflate -R;"));
        return l;
    }

    private static String hex(int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", (i * 37 + 11) & 0xff));
        }
        return sb.toString();
    }

    /**
     * @param size     ICMP payload bytes of the packet sealed and opened
     * @param rounds   interleaved rounds over all cases
     * @param millis   time per case per round
     * @param progress receives one line per finished round
     */
    public static List<Result> run(List<Case> cases, int size, int rounds, long millis, Consumer<String> progress)
            throws XformException {
        byte[] packet = new IcmpEcho(false, false, 1, 1, new byte[size]).toPacket(SRC, DST, 1, 64);
        List<SaEntry> sealers = new ArrayList<>();
        List<SaEntry> openers = new ArrayList<>();
        for (Case c : cases) {
            sealers.add(load(c));
            openers.add(load(c));
        }
        Xform xform = new Xform();
        double[] total = new double[cases.size()];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < cases.size(); i++) {
                total[i] += measure(xform, packet, sealers.get(i), openers.get(i), millis);
            }
            progress.accept("round " + (r + 1) + "/" + rounds + " done");
        }
        List<Result> results = new ArrayList<>();
        double base = total[0] / rounds;
        for (int i = 0; i < cases.size(); i++) {
            double pps = total[i] / rounds;
            results.add(new Result(cases.get(i).label(), pps, pps / base));
        }
        return results;
    }

    private static double measure(Xform xform, byte[] packet, SaEntry sealer, SaEntry opener, long millis)
            throws XformException {
        long n = 0;
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000;
        long now;
        do {
            for (int k = 0; k < 64; k++) {
                byte[] sealed = xform.seal(packet, sealer, SaMode.TRANSPORT, null, null);
                xform.open(sealed, opener);
            }
            n += 64;
            now = System.nanoTime();
        } while (now < deadline);
        return n * 1e9 / (now - start);
    }

    private static SaEntry load(Case c) {
        Sad sad = new Sad(Clock.systemUTC(), new EventBus());
        Spd spd = new Spd(Clock.systemUTC(), new EventBus());
        List<String> errors = new ArrayList<>();
        new Setkey(sad, spd, 0).run(c.addStatement(), "bench", new SetkeyListener() {
            @Override
            public void output(String text) {
            }

            @Override
            public void diagnostic(Diagnostic d) {
                errors.add(d.format());
            }
        });
        if (!errors.isEmpty() || sad.size() != 1) {
            throw new IllegalArgumentException("bench case " + c.label() + ": " + errors);
        }
        return sad.snapshot().get(0);
    }

    /** The report: one line per case, packets/s and the ratio to the baseline. */
    public static String format(List<Result> results, int size) {
        StringBuilder sb = new StringBuilder(String.format("seal+open of one %d-byte ICMP packet, transport mode%n",
                size + 28));
        sb.append(String.format("%-36s %14s %8s%n", "transform", "packets/s", "ratio"));
        for (Result r : results) {
            sb.append(String.format("%-36s %14.0f %8.3f%n", r.label(), r.packetsPerSecond(), r.ratio()));
        }
        return sb.toString();
    }
}
