package org.jsetkey.engine.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.sysctl.SysctlNames;

/**
 * Raises ACQUIRE when a required SA is missing, rate-limited like KAME: after one ACQUIRE
 * for (src, dst, protocol), further misses are blocked until net.key.blockacq_count packets
 * were blocked or net.key.blockacq_lifetime seconds passed.
 */
final class Acquirer {
    private final Datapath dp;
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, long[]> recent = new ConcurrentHashMap<>();

    Acquirer(Datapath dp) {
        this.dp = dp;
    }

    void acquire(IpAddress src, IpAddress dst, PolicyRule rule, SpdEntry policy) {
        long now = dp.clock().millis();
        String key = src + ">" + dst + "/" + rule.proto().keyword();
        long lifetimeMillis = dp.sysctl().getInt(SysctlNames.KEY_BLOCKACQ_LIFETIME) * 1000L;
        int count = dp.sysctl().getInt(SysctlNames.KEY_BLOCKACQ_COUNT);
        long[] state = recent.get(key);
        if (state != null) {
            synchronized (state) {
                if (now - state[0] < lifetimeMillis && state[1] < count) {
                    state[1]++;
                    return;
                }
                state[0] = now;
                state[1] = 0;
            }
        } else {
            recent.put(key, new long[] {now, 0});
        }
        dp.events().publish(new KeyEvent.Acquire(now, seq.incrementAndGet(), src, dst, rule, policy));
    }
}
