package org.jsetkey.engine.spd;

import java.util.Objects;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;

/**
 * One {@code proto/mode/src-dst/level} rule of an ipsec policy.
 *
 * @param tunnelSrc null when the src-dst part is empty
 * @param reqid     for {@code unique:N}, N; otherwise 0
 */
public record PolicyRule(SaType proto, SaMode mode, IpAddress tunnelSrc, IpAddress tunnelDst, Level level,
                         long reqid) {

    public PolicyRule {
        Objects.requireNonNull(proto, "proto");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(level, "level");
        if (proto == SaType.TCP) {
            throw new IllegalArgumentException("rule protocol: tcp (expected: esp, ah, ipcomp)");
        }
        if (mode == SaMode.ANY) {
            throw new IllegalArgumentException("rule mode: any (expected: transport, tunnel)");
        }
        if ((tunnelSrc == null) != (tunnelDst == null)) {
            throw new IllegalArgumentException("rule end points: both or neither");
        }
        if (tunnelSrc != null && !tunnelSrc.sameFamily(tunnelDst)) {
            throw new IllegalArgumentException("Family mismatch");
        }
        if (mode == SaMode.TUNNEL && tunnelSrc == null) {
            throw new IllegalArgumentException("Invalid address specification");
        }
    }

    public boolean hasEndpoints() {
        return tunnelSrc != null;
    }

    /** The KAME text: {@code esp/transport//require}, {@code esp/tunnel/10.0.0.1-10.0.0.2/unique:7}. */
    public String format() {
        String ends = tunnelSrc == null ? "" : tunnelSrc.format() + "-" + tunnelDst.format();
        String lvl = level == Level.UNIQUE && reqid != 0
                ? (reqid > 0x3fff ? "unique#" : "unique:") + reqid : level.keyword();
        return proto.keyword() + "/" + mode.keyword() + "/" + ends + "/" + lvl;
    }

    @Override
    public String toString() {
        return format();
    }
}
