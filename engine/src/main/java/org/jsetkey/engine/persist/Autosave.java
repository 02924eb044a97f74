package org.jsetkey.engine.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SequenceGuard;
import org.jsetkey.engine.setkey.ConfigWriter;
import org.jsetkey.engine.stack.Host;

/**
 * Keeps a file that always holds the host's last acknowledged state: every change to the
 * SAD, SPD or sysctls is written (atomically, mode 0600) before the change returns, or, inside
 * a {@link #batch}, once when the batch ends. Outbound sequence numbers are reserved
 * {@link #HEADROOM} at a time and the reservation is on disk before a number beyond the last
 * one is used, so a restarted host never sends a number twice with the same key (RFC 4303
 * 3.3.3). Inbound replay windows are recorded at every write and at least every
 * {@link #CHECKPOINT_SECONDS} seconds while they move.
 */
public final class Autosave implements AutoCloseable, SequenceGuard {
    /** Sequence numbers reserved per write: one file write per this many packets of an SA. */
    public static final long HEADROOM = 4096;
    public static final int CHECKPOINT_SECONDS = 5;

    private final Host host;
    private final Path file;
    private final Consumer<String> errors;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<boolean[]> dirty = ThreadLocal.withInitial(() -> new boolean[1]);
    private final Object writeLock = new Object();
    private final AutoCloseable events;
    private final AutoCloseable knobs;
    private final ScheduledExecutorService checkpoint;
    private volatile long writtenInbound;

    private Autosave(Host host, Path file, Consumer<String> errors) {
        this.host = host;
        this.file = file;
        this.errors = errors;
        this.events = host.events().subscribe(this::onEvent);
        this.knobs = host.sysctl().onChange(this::changed);
        host.sad().sequenceGuard(this);
        this.checkpoint = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "autosave-" + host.name());
            t.setDaemon(true);
            return t;
        });
        checkpoint.scheduleWithFixedDelay(this::checkpointInbound, CHECKPOINT_SECONDS, CHECKPOINT_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Starts saving {@code host} to {@code file} and writes it now.
     *
     * @param errors where a failed background write is reported (a change made outside a batch)
     */
    public static Autosave start(Host host, Path file, Consumer<String> errors) throws IOException {
        Autosave a = new Autosave(host, file, errors);
        try {
            a.write();
        } catch (IOException e) {
            a.close();
            throw e;
        }
        return a;
    }

    public Path file() {
        return file;
    }

    /** True when {@code file} exists: the host has a state to restore. */
    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    private void onEvent(KeyEvent e) {
        if (e instanceof KeyEvent.Add || e instanceof KeyEvent.Update || e instanceof KeyEvent.Delete
                || e instanceof KeyEvent.Flush || e instanceof KeyEvent.SpdAdd || e instanceof KeyEvent.SpdUpdate
                || e instanceof KeyEvent.SpdDelete || e instanceof KeyEvent.SpdFlush
                || (e instanceof KeyEvent.Expire x && x.hard())) {
            changed();
        }
    }

    private void changed() {
        if (depth.get()[0] > 0) {
            dirty.get()[0] = true;
            return;
        }
        try {
            write();
        } catch (IOException e) {
            errors.accept("autosave: " + file + ": " + e.getMessage());
        }
    }

    /**
     * Runs {@code work}; the changes it makes are written once, when it ends (before this
     * returns). Throws when that write failed: the change is then not acknowledged.
     */
    public <T> T batch(Supplier<T> work) throws IOException {
        int[] d = depth.get();
        d[0]++;
        T result;
        try {
            result = work.get();
        } finally {
            d[0]--;
        }
        if (d[0] == 0 && dirty.get()[0]) {
            dirty.get()[0] = false;
            write();
        }
        return result;
    }

    /** Writes the current state now ({@code save} without FILE). */
    public void write() throws IOException {
        synchronized (writeLock) {
            StringBuilder sb = new StringBuilder(ConfigWriter.write(host.sad(), host.spd(), host.sysctl(),
                    XfrmWriter::policyLine));
            sb.append("# sequence numbers (jsetkey autosave): outbound resumes above out=, inbound accepts only"
                    + " above in=\n");
            long inbound = 0;
            for (SaEntry e : host.sad().snapshot()) {
                long out = Math.max(e.reserved(), e.sequence());
                long in = e.replayWindow().highest();
                inbound += in;
                if (out > 0 || in > 0) {
                    sb.append(new SequenceMark(e.sa().src(), e.sa().dst(),
                            org.jsetkey.engine.setkey.stmt.SaProtocol.of(e.sa().type(), e.sa().old()), e.sa().spi(),
                            out, in).format()).append('\n');
                }
            }
            AtomicFile.write(file, sb.toString());
            writtenInbound = inbound;
        }
    }

    /** The datapath is about to use {@code next}: reserve the next block first, on disk. */
    @Override
    public void reserve(SaEntry entry, long next) {
        synchronized (writeLock) {
            if (next <= entry.reserved()) {
                return;
            }
            entry.reserved(next - 1 + HEADROOM);
            try {
                write();
            } catch (IOException e) {
                errors.accept("autosave: " + file + ": sequence reservation not written: " + e.getMessage());
            }
        }
    }

    private void checkpointInbound() {
        try {
            long inbound = 0;
            for (SaEntry e : host.sad().snapshot()) {
                inbound += e.replayWindow().highest();
            }
            if (inbound != writtenInbound) {
                write();
            }
        } catch (IOException | RuntimeException e) {
            errors.accept("autosave: " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        checkpoint.shutdownNow();
        host.sad().sequenceGuard(null);
        try {
            events.close();
            knobs.close();
        } catch (Exception ignored) {
            // the bus and the knobs only remove a listener
        }
    }
}
