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
 * @param natt     UDP encapsulation of an esp-udp SA (RFC 3948), or null
 */
public record SecurityAssociation(IpAddress src, IpAddress dst, SaType type, long spi, SaMode mode, long reqid,
                                  long replay, int flags, Algorithm encAlg, byte[] encKey, Algorithm authAlg,
                                  byte[] authKey, Algorithm compAlg, Lifetime hard, Lifetime soft,
                                  SecurityContext context, NatT natt) {

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
        if (natt != null && type != SaType.ESP) {
            throw new IllegalArgumentException("NAT-T encapsulation is for ESP only, not " + type.keyword());
        }
        if (natt != null && natt.originalAddress() != null && !natt.originalAddress().sameFamily(src)) {
            throw new IllegalArgumentException("NAT original address family mismatch: " + natt.originalAddress());
        }
        if (natt != null && natt.originalResponder() != null && !natt.originalResponder().sameFamily(src)) {
            throw new IllegalArgumentException("NAT original address family mismatch: " + natt.originalResponder());
        }
    }

    /** An SA without NAT-T encapsulation. */
    public SecurityAssociation(IpAddress src, IpAddress dst, SaType type, long spi, SaMode mode, long reqid,
                               long replay, int flags, Algorithm encAlg, byte[] encKey, Algorithm authAlg,
                               byte[] authKey, Algorithm compAlg, Lifetime hard, Lifetime soft,
                               SecurityContext context) {
        this(src, dst, type, spi, mode, reqid, replay, flags, encAlg, encKey, authAlg, authKey, compAlg, hard, soft,
                context, null);
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
                authKey, compAlg, hard, soft, context, natt);
    }

    /** The same SA with another NAT-T encapsulation (null: none). */
    public SecurityAssociation withNatT(NatT n) {
        return new SecurityAssociation(src, dst, type, spi, mode, reqid, replay, flags, encAlg, encKey, authAlg,
                authKey, compAlg, hard, soft, context, n);
    }

    /** An esp-udp SA (RFC 3948). */
    public boolean udpEncapsulated() {
        return natt != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityAssociation s && src.equals(s.src) && dst.equals(s.dst) && type == s.type
                && spi == s.spi && mode == s.mode && reqid == s.reqid && replay == s.replay && flags == s.flags
                && Objects.equals(encAlg, s.encAlg) && Arrays.equals(encKey, s.encKey)
                && Objects.equals(authAlg, s.authAlg) && Arrays.equals(authKey, s.authKey)
                && Objects.equals(compAlg, s.compAlg) && hard.equals(s.hard) && soft.equals(s.soft)
                && Objects.equals(context, s.context) && Objects.equals(natt, s.natt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(src, dst, type, spi, mode, reqid, replay, flags, encAlg, authAlg, compAlg, hard, soft,
                context, natt) * 31 + Arrays.hashCode(encKey) + 7 * Arrays.hashCode(authKey);
    }

    /** Keys are redacted: only their lengths are shown. */
    @Override
    public String toString() {
        return "SecurityAssociation[" + src + " " + dst + " " + (old() ? type.keyword() + "-old" : natt != null ? "esp-udp" : type.keyword())
                + " spi=" + spi + " mode=" + mode.keyword() + " reqid=" + reqid + " replay=" + replay
                + String.format(" flags=0x%08x", flags)
                + (encAlg == null ? "" : " E:" + encAlg.name() + redacted(encKey))
                + (authAlg == null ? "" : " A:" + authAlg.name() + redacted(authKey))
                + (compAlg == null ? "" : " C:" + compAlg.name())
                + (natt == null ? "" : " ports=" + natt.sport() + "," + natt.dport()
                + (natt.originalAddress() == null ? "" : " oa=" + natt.originalAddress())
                + (natt.originalResponder() == null ? "" : " oar=" + natt.originalResponder())) + "]";
    }

    private static String redacted(byte[] key) {
        return key == null ? "" : "(" + key.length + " bytes redacted)";
    }
}
