package org.jsetkey.engine.stack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.xform.UdpEncap;

/**
 * NAT-keepalives (RFC 3948 §2.3): every {@code net.inet.ipsec.natt_keepalive} seconds one
 * datagram of one 0xFF byte for each (address, port) pair that an outbound esp-udp SA of this
 * host sends on, so the NAT keeps the mapping. In a real system IKE sends them (racoon's
 * {@code natt_keepalive}, 20 s); jsetkey has no IKE, so the host does, from the key timer.
 */
final class NatTKeepalive {
    private final Datapath dp;
    private final Predicate<byte[]> send;
    private final IntSupplier ipId;
    private final Map<String, Long> lastSent = new HashMap<>();

    /** @param send sends a datagram around the SPD (IKE's socket bypasses IPsec) */
    NatTKeepalive(Datapath dp, Predicate<byte[]> send, IntSupplier ipId) {
        this.dp = dp;
        this.send = send;
        this.ipId = ipId;
    }

    synchronized void tick() {
        int interval = dp.sysctl().getInt(SysctlNames.IPSEC_NATT_KEEPALIVE);
        long now = dp.clock().millis();
        Set<String> seen = new HashSet<>();
        for (SaEntry e : dp.sad().snapshot()) {
            NatT n = e.natT();
            if (n == null || interval <= 0 || !e.state().usable() || !dp.isLocal(e.sa().src())) {
                continue;
            }
            String key = e.sa().src() + "." + n.sport() + ">" + e.sa().dst() + "." + n.dport();
            if (!seen.add(key)) {
                continue;
            }
            Long last = lastSent.get(key);
            if (last == null) {
                lastSent.put(key, now); // the first one an interval after the SA appears
            } else if (now - last >= interval * 1000L) {
                lastSent.put(key, now);
                if (send.test(UdpEncap.keepalive(e.sa().src(), e.sa().dst(), n, ipId.getAsInt()))) {
                    dp.natt().keepaliveSent();
                }
            }
        }
        lastSent.keySet().retainAll(seen);
    }
}
