package org.jsetkey.engine.spd;

import java.util.Objects;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;

/**
 * One {@code proto/mode/src-dst/level} rule of an ipsec policy.
 *
 * @param tunnelSrc null when the src-dst part is empty
 * @param reqid     for {@code unique:N}, N; from a Linux template ({@code reqid N}) any 32-bit N, with
 *                  level unique (required) or use; otherwise 0
 */
public record PolicyRule(SaType proto, SaMode mode, IpAddress tunnelSrc, IpAddress tunnelDst, Level level,
                         long reqid) {
    /** setkey's largest {@code unique:N} (IPSEC_MANUAL_REQID_MAX); above it a reqid is the kernel's. */
    public static final long MAX_MANUAL_REQID = 0x3fff;

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
        if (reqid < 0 || reqid > 0xffffffffL) {
            throw new IllegalArgumentException("reqid: " + reqid + " (expected: 0-4294967295)");
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

    /**
     * The text ipsec-tools prints: {@code esp/transport//require}, {@code esp/tunnel/10.0.0.1-10.0.0.2/unique:7};
     * a reqid above 0x3fff (kernel-chosen) as {@code unique#16385}, one with level use as {@code use:5}.
     */
    public String format() {
        String ends = tunnelSrc == null ? "" : tunnelSrc.format() + "-" + tunnelDst.format();
        String lvl = reqid != 0 ? level.keyword() + (reqid > MAX_MANUAL_REQID ? "#" : ":") + reqid : level.keyword();
        return proto.keyword() + "/" + mode.keyword() + "/" + ends + "/" + lvl;
    }

    /**
     * Why setkey's language cannot state this rule, or null when it can: it binds a reqid only as
     * {@code unique:N}, N at most 16383.
     */
    public String setkeyGap() {
        if (reqid == 0 || level == Level.UNIQUE && reqid <= MAX_MANUAL_REQID) {
            return null;
        }
        return level != Level.UNIQUE ? "a reqid with level " + level.keyword() + " (setkey binds a reqid only as"
                + " unique:N)" : "reqid " + reqid + " is above setkey's unique:N range (1-16383)";
    }

    @Override
    public String toString() {
        return format();
    }
}
