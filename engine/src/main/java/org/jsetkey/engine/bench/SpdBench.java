package org.jsetkey.engine.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Flow;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Priority;
import org.jsetkey.engine.spd.Selector;
import org.jsetkey.engine.spd.Spd;

/**
 * Part 3, SPD: lookup time with 10, 1,000 and 100,000 outbound policies of mixed prefix lengths
 * (/8 to /32, and IPv6 /48 to /128 for one in ten), protocols, ports and priorities. Half the
 * packets fall inside some policy, half are random in the same space. The three SPDs are
 * measured interleaved; the figure is time per lookup and its ratio to the 10-policy SPD. With
 * them runs one random read from an array as large as the key slots of a table of the largest
 * SPD's size ({@link RandomRead}), so the largest SPD can be read against the memory limit too.
 */
public final class SpdBench implements BenchPart {
    public static final int[] SIZES = {10, 1_000, 100_000};
    private static final double TARGET = 3.0;
    private static final int PACKETS = 4096;
    private static final int[] V4_LENGTHS = {8, 16, 24, 32};
    private static final int[] V6_LENGTHS = {48, 64, 96, 128};
    private static final int[] PROTOCOLS = {IpProtocol.ANY.number(), IpProtocol.TCP.number(), IpProtocol.UDP.number(), IpProtocol.ICMP.number()};
    private final Interleaved.Timing timing;
    private final int[] sizes;

    public SpdBench() {
        this(Interleaved.Timing.CPU, SIZES);
    }

    /** @param timing slices and warm-up bounds; @param sizes SPD sizes, the first is the baseline (tests use small ones) */
    public SpdBench(Interleaved.Timing timing, int... sizes) {
        this.timing = timing;
        this.sizes = sizes.clone();
    }

    private record Table(int size, Spd spd, Flow[] packets) {
    }

    @Override
    public String name() {
        return "spd";
    }

    @Override
    public String description() {
        return "SPD lookup with " + BenchRow.count(sizes[sizes.length - 1]) + " policies against "
                + sizes[0] + " (mixed prefixes, ports, protocols)";
    }

    @Override
    public List<BenchRow> run(BenchRun run) throws Exception {
        List<Interleaved.Case> cases = new ArrayList<>();
        for (int size : sizes) {
            Table t = build(size, new Random(size));
            run.say(size + " policies loaded");
            int[] next = new int[2];
            cases.add(new Interleaved.Case(size + " policies", () -> {
                Flow f = t.packets()[next[0]++ & (PACKETS - 1)];
                next[1] += t.spd().lookup(Direction.OUT, f).isPresent() ? 1 : 0;
            }));
        }
        int largest = sizes[sizes.length - 1];
        long readBytes = RandomRead.keyBytes(largest);
        cases.add(new Interleaved.Case("random read", RandomRead.op(readBytes, largest)));
        int read = cases.size() - 1;
        Interleaved.Rates rates = Interleaved.measure(cases, run, timing);
        List<BenchRow> rows = new ArrayList<>();
        String base = nanos(rates.median(0));
        for (int i = 1; i < sizes.length; i++) {
            // time ratio = baseline rate / this rate
            double ratio = 1 / rates.medianRatio(i, 0);
            String name = "lookup, " + BenchRow.count(sizes[i]) + " policies vs " + sizes[0];
            rows.add(i == sizes.length - 1 ? BenchRow.atMost(name, nanos(rates.median(i)), base, ratio, TARGET)
                    : BenchRow.info(name, nanos(rates.median(i)), base, ratio));
        }
        rows.add(BenchRow.info("lookup, " + BenchRow.count(largest) + " policies vs memory",
                nanos(rates.median(sizes.length - 1)),
                nanos(rates.median(read)) + " random read of " + RandomRead.size(readBytes),
                1 / rates.medianRatio(sizes.length - 1, read)));
        return rows;
    }

    private static String nanos(double perSecond) {
        return String.format(java.util.Locale.ROOT, "%.0f ns", 1e9 / perSecond);
    }

    private static Table build(int size, Random rnd) {
        Spd spd = new Spd(Clock.systemUTC(), new EventBus());
        List<Selector> selectors = new ArrayList<>();
        PolicyRule rule = new PolicyRule(SaType.ESP, SaMode.TRANSPORT, null, null, Level.REQUIRE, 0);
        while (selectors.size() < size) {
            Selector s = selector(rnd);
            Priority prio = rnd.nextInt(10) == 0 ? new Priority(Priority.DEFAULT_BASE - rnd.nextInt(20)) : null;
            try {
                spd.add(new Policy(s, Direction.OUT, prio, PolicyAction.IPSEC, List.of(rule), null));
                selectors.add(s);
            } catch (RuntimeException duplicate) {
                // the same selector drawn twice: draw another
            }
        }
        Flow[] packets = new Flow[PACKETS];
        for (int i = 0; i < PACKETS; i++) {
            packets[i] = i % 2 == 0 ? inside(selectors.get(rnd.nextInt(size)), rnd) : randomFlow(rnd);
        }
        return new Table(size, spd, packets);
    }

    private static Selector selector(Random rnd) {
        boolean v6 = rnd.nextInt(10) == 0;
        int[] lengths = v6 ? V6_LENGTHS : V4_LENGTHS;
        int proto = PROTOCOLS[rnd.nextInt(PROTOCOLS.length)];
        boolean ports = proto == IpProtocol.TCP.number() || proto == IpProtocol.UDP.number();
        int sport = ports && rnd.nextInt(4) == 0 ? 1024 + rnd.nextInt(1000) : 0;
        int dport = ports && rnd.nextBoolean() ? 1 + rnd.nextInt(1000) : 0;
        return new Selector(new Prefix(address(rnd, v6), lengths[rnd.nextInt(4)]), sport,
                new Prefix(address(rnd, v6), lengths[rnd.nextInt(4)]), dport, proto);
    }

    /** A packet the selector covers. */
    private static Flow inside(Selector s, Random rnd) {
        int proto = s.upperProtocol() == IpProtocol.ANY.number() ? IpProtocol.TCP.number() : s.upperProtocol();
        int sport = s.srcPort() != 0 ? s.srcPort() : 1024 + rnd.nextInt(60000);
        int dport = s.dstPort() != 0 ? s.dstPort() : 1 + rnd.nextInt(1000);
        return new Flow(within(s.src(), rnd), within(s.dst(), rnd), proto, sport, dport);
    }

    private static Flow randomFlow(Random rnd) {
        boolean v6 = rnd.nextInt(10) == 0;
        int proto = PROTOCOLS[1 + rnd.nextInt(PROTOCOLS.length - 1)];
        return new Flow(address(rnd, v6), address(rnd, v6), proto, 1024 + rnd.nextInt(60000), 1 + rnd.nextInt(1000));
    }

    /** Unicast IPv4 (first byte 1-223) and 2001:db8::/32 with random low bits. */
    private static IpAddress address(Random rnd, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        rnd.nextBytes(b);
        if (v6) {
            b[0] = 0x20;
            b[1] = 0x01;
            b[2] = 0x0d;
            b[3] = (byte) 0xb8;
        } else {
            b[0] = (byte) (1 + rnd.nextInt(223));
        }
        return IpAddress.of(b);
    }

    private static IpAddress within(Prefix p, Random rnd) {
        byte[] b = p.address().bytes();
        byte[] r = new byte[b.length];
        rnd.nextBytes(r);
        for (int bit = p.length(); bit < b.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            b[bit / 8] = (byte) ((b[bit / 8] & ~mask) | (r[bit / 8] & mask));
        }
        return IpAddress.of(b);
    }
}
