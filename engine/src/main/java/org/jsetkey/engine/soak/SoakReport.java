package org.jsetkey.engine.soak;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jsetkey.engine.link.ImpairStats;
import org.jsetkey.engine.link.Impairment;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.soak.SoakTally.Count;
import org.jsetkey.engine.stack.Host;

/**
 * The soak's output: a line per interval (packets each way, forged, drops, churn, expiries, heap
 * after GC, drops by reason) and the final account, which decides pass or fail. Direction 0 is
 * phoenix to cardinal (received by cardinal, which also gets the forged packets), 1 the way back.
 */
final class SoakReport {
    /** How much the heap after GC may grow from the first sample to the last and still count as flat. */
    static final long HEAP_SLACK = 16L << 20;

    private final SoakTally tally;
    private final Host[] hosts;
    private final long[] kernelBefore;
    private final Impairment[] impaired;
    private final Consumer<String> out;
    private final List<long[]> heap = new ArrayList<>();

    /** @param impaired what each host (0 phoenix, 1 cardinal) impairs on its way out; null entries for none */
    SoakReport(SoakTally tally, Host[] hosts, long[] kernelBefore, Impairment[] impaired, Consumer<String> out) {
        this.tally = tally;
        this.hosts = hosts;
        this.kernelBefore = kernelBefore;
        this.impaired = impaired;
        this.out = out;
    }

    void header(int seconds) {
        out.accept("soak: " + seconds + " s; phoenix " + Soak.ADDRESSES[0] + " and cardinal " + Soak.ADDRESSES[1]
                + " on a loopback link; ESP aes-gcm-16 transport both ways, " + Soak.RATE
                + " packets/s each way; " + Soak.FUZZ_RATE + " forged packets/s to cardinal; a rekey every "
                + Churn.REKEY_STEPS / 4 + " s, SAs with 1 s/2 s lifetimes, SA and policy churn 4 times a second");
        for (int d = 0; d < 2; d++) {
            if (impaired[d] != null) {
                out.accept("soak: " + Soak.NAMES[d] + " impairs what it sends " + Soak.NAMES[1 - d] + ": "
                        + impaired[d].format());
            }
        }
        out.accept(String.format("%6s %9s %9s %9s %9s %7s %7s %7s %6s %11s %11s %9s", "time", "p>c sent", "c recv",
                "c>p sent", "p recv", "forged", "dropped", "malform", "rekeys", "sa +/-", "expired s/h", "heap MB"));
    }

    void line(long second) {
        long used = usedHeapAfterGc();
        heap.add(new long[] {second, used});
        out.accept(String.format("%5ds %9d %9d %9d %9d %7d %7d %7d %6d %11s %11s %9.1f", second, tally.sent[0].get(),
                tally.received[0].get(), tally.sent[1].get(), tally.received[1].get(), tally.fuzzed.get(),
                tally.dropped(0) + tally.dropped(1), malformed(1) + malformed(0), tally.get(Count.REKEYS),
                (tally.get(Count.SA_ADDED) + tally.get(Count.SHORT_LIVED)) + "/" + tally.get(Count.SA_DELETED),
                tally.get(Count.SOFT_EXPIRED) + "/" + tally.get(Count.HARD_EXPIRED), used / 1048576.0));
        out.accept("        drops by reason: cardinal " + SoakTally.nonZero(tally.drops.get(0)) + "; phoenix "
                + SoakTally.nonZero(tally.drops.get(1)) + (tally.errors() == 0 ? "" : "; errors " + tally.errors()));
    }

    /** Waits (at most 10 s) until nothing more arrives: every packet in flight is counted. */
    void quiesce() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = tally.received[0].get() + tally.received[1].get() + tally.dropped(0) + tally.dropped(1)
                    + malformed(0) + malformed(1);
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
    }

    private Runnable moreAccounts = () -> { };

    /** Another account printed (and checked) after the hosts' own, before the verdict. */
    void alsoAccount(Runnable account) {
        this.moreAccounts = account;
    }

    /** Prints the account; true when the soak passed. */
    boolean end(long seconds) {
        line(seconds);
        out.accept("soak: the account after " + seconds + " s");
        for (int d = 0; d < 2; d++) {
            account(d);
        }
        out.accept("  forged to cardinal: " + tally.fuzzed.get() + " (" + SoakTally.nonZero(tally.fuzzedByKind) + ")");
        out.accept("  churn: " + tally.get(Count.REKEYS) + " rekeys, " + tally.get(Count.SA_ADDED) + " SAs added, "
                + tally.get(Count.SA_UPDATED) + " updated, " + tally.get(Count.SA_DELETED) + " deleted, "
                + tally.get(Count.POLICIES_ADDED) + " policies added, " + tally.get(Count.POLICIES_DELETED) + " deleted");
        expiries();
        moreAccounts.run();
        heapTrend();
        if (hosts[0].timerFailures() + hosts[1].timerFailures() + hosts[0].link().handlerFailures()
                + hosts[1].link().handlerFailures() > 0) {
            tally.error("threads threw: key timer " + (hosts[0].timerFailures() + hosts[1].timerFailures())
                    + ", receive handler " + (hosts[0].link().handlerFailures() + hosts[1].link().handlerFailures()));
        }
        out.accept("  errors: " + (tally.errors() == 0 ? "none" : tally.errors()));
        tally.firstErrors().forEach(e -> out.accept("    " + e));
        out.accept("soak: " + (tally.errors() == 0 ? "OK" : "FAILED"));
        return tally.errors() == 0;
    }

    /**
     * One receiving host's account: whatever reached it (the flood, and for cardinal the forged
     * packets, less what the sender's impairment lost, plus its duplicates) is delivered, dropped
     * with a reason, refused by the link as malformed, or dropped by the kernel's socket buffer.
     * On a perfect link flood packets must all be delivered, except those the kernel dropped; over
     * an impaired one a flood packet may also be lost by the impairment or dropped with a reason.
     * Nothing forged may be delivered.
     */
    private void account(int d) {
        Host receiver = hosts[1 - d];
        String name = receiver.name();
        long sent = tally.sent[d].get();
        long received = tally.received[d].get();
        long forged = d == 0 ? tally.fuzzed.get() : 0;
        long dropped = tally.dropped(d);
        long malformed = malformed(1 - d);
        long foreign = receiver.link().foreignDatagrams();
        long kernelNow = SocketDrops.of(receiver.link().localAddress());
        long kernel = kernelNow < 0 || kernelBefore[1 - d] < 0 ? 0 : kernelNow - kernelBefore[1 - d];
        ImpairStats imp = impaired[d] == null ? ImpairStats.NONE
                : hosts[d].link().impairStats(hosts[d].link().peers().get(0));
        long gone = imp.lost() + imp.overLimit() + imp.waiting();
        // datagrams from strangers (another program on this machine) are not ours to account for
        long missing = sent + forged + imp.duplicated() - gone - received - dropped - malformed;
        out.accept("  " + Soak.NAMES[d] + " -> " + name + ": " + sent + " sent, " + received + " delivered; " + name
                + " dropped " + dropped + " (" + SoakTally.nonZero(tally.drops.get(d)) + "), link malformed "
                + malformed + ", from strangers (ignored) " + foreign + ", socket buffer (kernel) "
                + (kernelNow < 0 ? "unknown" : kernel) + (forged > 0 ? ", of " + forged + " forged" : ""));
        if (impaired[d] != null) {
            out.accept("    impairment (" + impaired[d].format() + "): " + imp.format());
            out.accept("    balance: " + sent + " sent + " + forged + " forged + " + imp.duplicated() + " duplicated = "
                    + received + " delivered + " + gone + " lost by the impairment + " + dropped
                    + " dropped with a reason + " + malformed + " malformed + " + missing + " in the kernel's buffer");
        }
        if (received > sent + imp.duplicated()) {
            tally.error(name + " delivered " + (received - sent - imp.duplicated())
                    + " packets more than the flood sent: forged ones");
        }
        long floodLost = sent - received;
        if (impaired[d] == null && floodLost > kernel) {
            tally.error(name + ": " + (floodLost - kernel) + " flood packets dropped or lost without the kernel"
                    + " counting them");
        }
        if (missing != kernel) {
            tally.error(name + ": " + (missing - kernel) + " packets unaccounted for (" + missing
                    + " neither delivered nor counted, " + kernel + " dropped by the kernel)");
        }
    }

    private void expiries() {
        long alive = 0;
        for (Host h : hosts) {
            for (SaEntry e : h.sad().snapshot()) {
                if (e.sa().spi() >= Churn.SHORT_SPI && e.sa().spi() < Churn.SHORT_SPI + 0x10000) {
                    alive++;
                }
            }
        }
        long added = tally.get(Count.SHORT_LIVED);
        out.accept("  expiries: " + added + " SAs with 1 s/2 s lifetimes: " + tally.get(Count.SOFT_EXPIRED) + " soft, "
                + tally.get(Count.HARD_EXPIRED) + " hard, " + alive + " not yet expired");
        if (tally.get(Count.HARD_EXPIRED) + alive != added) {
            tally.error("SAs with lifetimes: " + added + " added, but " + tally.get(Count.HARD_EXPIRED)
                    + " hard expiries and " + alive + " left");
        }
        if (alive > 20) {
            tally.error(alive + " SAs outlived their 2 s hard lifetime");
        }
    }

    private void heapTrend() {
        StringBuilder sb = new StringBuilder("  heap after GC (MB):");
        for (long[] s : heap) {
            sb.append(String.format(" %ds=%.1f", s[0], s[1] / 1048576.0));
        }
        out.accept(sb.toString());
        if (heap.size() >= 2) {
            long growth = heap.get(heap.size() - 1)[1] - heap.get(0)[1];
            out.accept(String.format("  heap: %+.1f MB from the first sample to the last (flat within %d MB)",
                    growth / 1048576.0, HEAP_SLACK >> 20));
            if (growth > HEAP_SLACK) {
                tally.error("the heap after GC grew by " + (growth >> 20) + " MB");
            }
        }
    }

    private long malformed(int host) {
        return hosts[host].link().malformedDatagrams();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
