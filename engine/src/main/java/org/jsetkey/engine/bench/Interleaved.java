package org.jsetkey.engine.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Measures several operations in turns, slice after slice, so a busy shared machine slows each
 * of them alike and ratios between them stay meaningful. Every measurement starts with a warm-up
 * that runs until the figures are stable (C2 and the AES/GHASH intrinsics need many thousand
 * calls), whatever the number of measured rounds: one round never measures the interpreter.
 */
public final class Interleaved {
    /** One unit of work, e.g. seal and open one packet. */
    @FunctionalInterface
    public interface Op {
        void run() throws Exception;
    }

    public record Case(String label, Op op) {
    }

    /**
     * How long a slice lasts, the bounds of the warm-up, the clock rates are taken on, and how
     * many slices each case gets per measured round.
     *
     * @param cpuClock rates per second of this thread's CPU time plus GC pauses instead of wall time: for
     *                 work on one thread, it discounts the time other processes of a shared machine take
     * @param passes   turns through all the cases per round, one slice each: a slice that a neighbour's
     *                 burst hits is one sample among several, not a whole round's figure
     */
    public record Timing(long sliceMillis, long minWarmupCalls, int minWarmupRounds, long maxWarmupMillis,
                         double stableWithin, boolean cpuClock, int passes) {
        /**
         * Five 100 ms slices per case per round: on a shared 2-core machine single 250 ms slices of
         * AES-GCM varied from 0.56x to 1.11x of the same round's baseline; the median of the paired
         * slices is the figure, so one disturbed slice no longer decides a round.
         */
        public static final Timing CPU = new Timing(100, 20_000, 4, 60_000, 0.08, true, 5);
        /**
         * Seven turns on the wall clock, for work that spans threads and sockets (the link's flood):
         * paired 100 ms slices of the flood ranged from 0.65x to 1.10x in one run, mostly as the bare
         * receiver's thread slept between datagrams (each send then wakes it) or kept up without.
         */
        public static final Timing WALL = new Timing(100, 20_000, 4, 30_000, 0.08, false, 7);

        public Timing {
            if (passes < 1) {
                throw new IllegalArgumentException("passes: " + passes);
            }
        }

        public Timing(long sliceMillis, long minWarmupCalls, int minWarmupRounds, long maxWarmupMillis,
                      double stableWithin, boolean cpuClock) {
            this(sliceMillis, minWarmupCalls, minWarmupRounds, maxWarmupMillis, stableWithin, cpuClock, 1);
        }

        public Timing(long sliceMillis, long minWarmupCalls, int minWarmupRounds, long maxWarmupMillis,
                      double stableWithin) {
            this(sliceMillis, minWarmupCalls, minWarmupRounds, maxWarmupMillis, stableWithin, false);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Units per second of each case in each measured slice (rounds x passes of them, paired by index). */
    public record Rates(List<String> labels, double[][] perSlice, boolean stable) {
        public double median(int c) {
            return Interleaved.median(perSlice[c].clone());
        }

        /** The median over slices of case/base in the same turn: load shifts cancel out. */
        public double medianRatio(int c, int base) {
            double[] r = new double[perSlice[c].length];
            for (int i = 0; i < r.length; i++) {
                r[i] = perSlice[c][i] / perSlice[base][i];
            }
            return Interleaved.median(r);
        }
    }

    private Interleaved() {
    }

    public static Rates measure(List<Case> cases, BenchRun run, Timing timing) throws Exception {
        boolean stable = warmUp(cases, run, timing);
        double[][] rates = new double[cases.size()][run.rounds() * timing.passes()];
        for (int r = 0; r < run.rounds(); r++) {
            for (int pass = 0; pass < timing.passes(); pass++) {
                for (int c = 0; c < cases.size(); c++) {
                    rates[c][r * timing.passes() + pass] =
                            slice(cases.get(c).op(), timing.sliceMillis(), timing.cpuClock())[0];
                }
            }
            run.say("round " + (r + 1) + "/" + run.rounds() + " done");
        }
        return new Rates(cases.stream().map(Case::label).toList(), rates, stable);
    }

    /**
     * Rounds of half slices until every case has had its minimum calls and, for two rounds in a
     * row, each case's share of the round (its rate over the round's geometric mean, which cancels
     * load from other processes) moved by less than {@code stableWithin}.
     */
    private static boolean warmUp(List<Case> cases, BenchRun run, Timing timing) throws Exception {
        long start = System.nanoTime();
        double[] previous = null;
        long[] calls = new long[cases.size()];
        int calmRounds = 0;
        for (int round = 1; ; round++) {
            double[] rate = new double[cases.size()];
            for (int c = 0; c < cases.size(); c++) {
                double[] r = slice(cases.get(c).op(), Math.max(1, timing.sliceMillis() / 2), timing.cpuClock());
                rate[c] = r[0];
                calls[c] += (long) r[1];
            }
            double[] share = shares(rate);
            calmRounds = previous != null && within(previous, share, timing.stableWithin()) ? calmRounds + 1 : 0;
            previous = share;
            boolean enoughCalls = Arrays.stream(calls).allMatch(n -> n >= timing.minWarmupCalls());
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (enoughCalls && round >= timing.minWarmupRounds() && calmRounds >= 2) {
                run.say("warm-up: stable after " + round + " rounds (" + elapsed + " ms)");
                return true;
            }
            if (elapsed >= timing.maxWarmupMillis()) {
                run.say("warm-up: not stable after " + elapsed + " ms; measuring anyway (the machine is busy?)");
                return false;
            }
        }
    }

    /** {units per second, units} of one slice. */
    private static double[] slice(Op op, long millis, boolean cpuClock) throws Exception {
        long n = 0;
        long start = System.nanoTime();
        long cpuStart = cpuClock ? cpuNanos() : 0;
        long deadline = start + millis * 1_000_000;
        long now;
        do {
            for (int k = 0; k < 16; k++) {
                op.run();
            }
            n += 16;
            now = System.nanoTime();
        } while (now < deadline);
        long spent = cpuClock ? Math.max(1, cpuNanos() - cpuStart) : now - start;
        return new double[] {n * 1e9 / spent, n};
    }

    /** This thread's CPU time plus the pauses of every collector (the garbage this thread made). */
    private static long cpuNanos() {
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return THREADS.getCurrentThreadCpuTime() + gcMillis * 1_000_000;
    }

    private static double[] shares(double[] rate) {
        if (rate.length == 1) {
            return rate.clone(); // nothing to cancel load against: the rate itself must settle
        }
        double logSum = 0;
        for (double r : rate) {
            logSum += Math.log(r);
        }
        double mean = Math.exp(logSum / rate.length);
        double[] s = new double[rate.length];
        for (int i = 0; i < rate.length; i++) {
            s[i] = rate[i] / mean;
        }
        return s;
    }

    private static boolean within(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(b[i] / a[i] - 1) > tolerance) {
                return false;
            }
        }
        return true;
    }

    static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
