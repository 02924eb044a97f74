package org.jsetkey.engine.stack;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.sad.Lifetime;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaState;

/**
 * The one-second key timer: a soft limit passed makes the SA dying and raises a soft
 * EXPIRE; a hard limit passed removes it and raises a hard EXPIRE. A limit counts as
 * passed when elapsed seconds are strictly greater (KAME).
 */
final class LifetimeTimer {
    private final Datapath dp;
    private final String hostName;
    private final AtomicLong failures = new AtomicLong();
    private final Runnable alsoEachSecond;
    private ScheduledExecutorService timer;

    /** @param alsoEachSecond run after each tick of the timer thread (NAT-keepalives) */
    LifetimeTimer(Datapath dp, String hostName, Runnable alsoEachSecond) {
        this.dp = dp;
        this.hostName = hostName;
        this.alsoEachSecond = alsoEachSecond;
    }

    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "key-timer-" + hostName);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::safeTick, 1, 1, TimeUnit.SECONDS);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void safeTick() {
        try {
            tick();
            alsoEachSecond.run();
        } catch (RuntimeException e) {
            // the timer must survive a failure of one tick, but the failure is counted, not hidden
            failures.incrementAndGet();
        }
    }

    /** Ticks that threw (a bug: tests assert zero). */
    long failures() {
        return failures.get();
    }

    void tick() {
        long now = dp.clock().millis();
        for (SaEntry e : dp.sad().snapshot()) {
            long elapsed = (now - e.createdMillis()) / 1000;
            Lifetime hard = e.sa().hard();
            Lifetime soft = e.sa().soft();
            if (passed(hard, elapsed, e.bytes())) {
                if (dp.sad().expire(e)) {
                    dp.events().publish(new KeyEvent.Expire(now, e, true));
                }
            } else if (e.state() == SaState.MATURE && passed(soft, elapsed, e.bytes()) && dp.sad().dying(e)) {
                dp.events().publish(new KeyEvent.Expire(now, e, false));
            }
        }
    }

    private static boolean passed(Lifetime l, long elapsedSeconds, long bytes) {
        return (l.addtime() > 0 && elapsedSeconds > l.addtime()) || (l.bytes() > 0 && bytes > l.bytes());
    }
}
