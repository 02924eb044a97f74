package org.jsetkey.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part tun: real programs through two gateways' TUN interfaces (scripts/tun-lab's plumbing), the
 * kernel's ping round trip and iperf3's TCP throughput, with the ESP tunnel, with no IPsec (both
 * gateways passing clear) and through a bare relay of the same datagrams. The three labs stand
 * side by side and are measured in turn each round; each figure is the median of the rounds.
 * Skipped, with the reason, without root, /dev/net/tun, ping or iperf3.
 */
public final class TunBench implements BenchPart {
    private static final int PINGS = 200;
    private static final int TCP_SECONDS = 2;

    @Override
    public String name() {
        return "tun";
    }

    @Override
    public String description() {
        return "kernel ping and iperf3 TCP through two gateways' TUN interfaces: ESP, clear, bare relay";
    }

    @Override
    public List<BenchRow> run(BenchRun run) throws Exception {
        String missing = TunLab.missing();
        if (missing != null) {
            return List.of(BenchRow.info("tun: skipped, " + missing, "-", "-", Double.NaN));
        }
        Map<TunLab.Mode, double[]> rtt = new EnumMap<>(TunLab.Mode.class);
        Map<TunLab.Mode, double[]> tcp = new EnumMap<>(TunLab.Mode.class);
        List<TunLab> labs = new ArrayList<>();
        try {
            for (TunLab.Mode m : TunLab.Mode.values()) {
                labs.add(new TunLab(m));
                rtt.put(m, new double[run.rounds()]);
                tcp.put(m, new double[run.rounds()]);
            }
            for (TunLab lab : labs) {
                lab.rttMicros(50); // warm-up: the JIT compiles the gateways' paths
                lab.tcpMbits(1);
            }
            for (int r = 0; r < run.rounds(); r++) {
                for (TunLab.Mode m : TunLab.Mode.values()) {
                    TunLab lab = labs.get(m.ordinal());
                    rtt.get(m)[r] = lab.rttMicros(PINGS);
                    tcp.get(m)[r] = lab.tcpMbits(TCP_SECONDS);
                    run.say(String.format(Locale.ROOT, "tun round %d %s: rtt %.0f us, tcp %.0f Mbit/s", r + 1,
                            m.name().toLowerCase(Locale.ROOT), rtt.get(m)[r], tcp.get(m)[r]));
                }
            }
        } finally {
            for (TunLab lab : labs) {
                lab.close();
            }
        }
        double esp = median(rtt.get(TunLab.Mode.ESP));
        double clear = median(rtt.get(TunLab.Mode.CLEAR));
        double relay = median(rtt.get(TunLab.Mode.RELAY));
        double espTcp = median(tcp.get(TunLab.Mode.ESP));
        double clearTcp = median(tcp.get(TunLab.Mode.CLEAR));
        double relayTcp = median(tcp.get(TunLab.Mode.RELAY));
        return List.of(
                BenchRow.atMost("tun ping rtt, two gateways ESP vs bare relay", micros(esp), micros(relay),
                        esp / relay, 10),
                BenchRow.info("tun ping rtt, two gateways clear vs bare relay", micros(clear), micros(relay),
                        clear / relay),
                BenchRow.info("tun TCP (iperf3), two gateways ESP vs bare relay", mbits(espTcp), mbits(relayTcp),
                        espTcp / relayTcp),
                BenchRow.info("tun TCP (iperf3), two gateways clear vs bare relay", mbits(clearTcp),
                        mbits(relayTcp), clearTcp / relayTcp));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String micros(double us) {
        return String.format(Locale.ROOT, "%.0f us", us);
    }

    private static String mbits(double m) {
        return String.format(Locale.ROOT, "%.0f Mbit/s", m);
    }
}
