package org.jsetkey.engine.sad;

import java.util.Arrays;
import java.util.Objects;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpAddress;

/**
 * The configuration of one SA as setkey states it: immutable. What changes while the SA
 * is used (sequence numbers, counters, replay window, state) lives in {@link SaEntry}.
 *
 * @param replay   the anti-replay window in bytes as given by -r (window in packets = 8 x replay)
 * @param flags    the sadb_sa flag word (see {@link Algorithms} FLAG_*)
 * @param encAlg   -E algorithm or null
 * @param authAlg  -A algorithm or null
 * @param compAlg  -C algorithm or null
 */
public record SecurityAssociation(IpAddress src, IpAddress dst, SaType type, long spi, SaMode mode, long reqid,
                                  long replay, int flags, Algorithm encAlg, byte[] encKey, Algorithm authAlg,
                                  byte[] authKey, Algorithm compAlg, Lifetime hard, Lifetime soft,
                                  SecurityContext context) {

    public SecurityAssociation {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mode, "mode");
        if (!src.sameFamily(dst)) {
            throw new IllegalArgumentException("address family mismatch: " + src + " " + dst);
        }
        if (spi < 0 || spi > 0xffffffffL) {
            throw new IllegalArgumentException("spi: " + spi + " (expected: 0-4294967295)");
        }
        encKey = encKey == null ? null : encKey.clone();
        authKey = authKey == null ? null : authKey.clone();
        hard = hard == null ? Lifetime.NONE : hard;
        soft = soft == null ? Lifetime.NONE : soft;
    }

    public SaId id() {
        return new SaId(dst, type, spi);
    }

    @Override
    public byte[] encKey() {
        return encKey == null ? null : encKey.clone();
    }

    @Override
    public byte[] authKey() {
        return authKey == null ? null : authKey.clone();
    }

    /** esp-old / ah-old (RFC 1826/1827): no sequence number, no replay protection. */
    public boolean old() {
        return (flags & Algorithms.FLAG_OLD) != 0;
    }

    public boolean cyclicSequence() {
        return (flags & Algorithms.FLAG_CYCSEQ) != 0;
    }

    public boolean rawCpi() {
        return (flags & Algorithms.FLAG_RAWCPI) != 0;
    }

    /** The same SA with another SPI (used by tools that rewrite an SA, e.g. key managers). */
    public SecurityAssociation withSpi(long newSpi) {
        return new SecurityAssociation(src, dst, type, newSpi, mode, reqid, replay, flags, encAlg, encKey, authAlg,
                authKey, compAlg, hard, soft, context);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityAssociation s && src.equals(s.src) && dst.equals(s.dst) && type == s.type
                && spi == s.spi && mode == s.mode && reqid == s.reqid && replay == s.replay && flags == s.flags
                && Objects.equals(encAlg, s.encAlg) && Arrays.equals(encKey, s.encKey)
                && Objects.equals(authAlg, s.authAlg) && Arrays.equals(authKey, s.authKey)
                && Objects.equals(compAlg, s.compAlg) && hard.equals(s.hard) && soft.equals(s.soft)
                && Objects.equals(context, s.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(src, dst, type, spi, mode, reqid, replay, flags, encAlg, authAlg, compAlg, hard, soft,
                context) * 31 + Arrays.hashCode(encKey) + 7 * Arrays.hashCode(authKey);
    }

    /** Keys are redacted: only their lengths are shown. */
    @Override
    public String toString() {
        return "SecurityAssociation[" + src + " " + dst + " " + (old() ? type.keyword() + "-old" : type.keyword())
                + " spi=" + spi + " mode=" + mode.keyword() + " reqid=" + reqid + " replay=" + replay
                + String.format(" flags=0x%08x", flags)
                + (encAlg == null ? "" : " E:" + encAlg.name() + redacted(encKey))
                + (authAlg == null ? "" : " A:" + authAlg.name() + redacted(authKey))
                + (compAlg == null ? "" : " C:" + compAlg.name()) + "]";
    }

    private static String redacted(byte[] key) {
        return key == null ? "" : "(" + key.length + " bytes redacted)";
    }
}
