package org.jsetkey.engine.check;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * One SA as {@code peer check} sends it: identity, mode, algorithms and key fingerprints,
 * never a key. {@code "-"} stands for no algorithm or no key.
 */
record SaLine(IpAddress src, IpAddress dst, String proto, long spi, String mode, String enc, String encFp,
              String auth, String authFp, String comp) {

    static SaLine of(SecurityAssociation sa, String nonce) {
        return new SaLine(sa.src(), sa.dst(), sa.type().keyword(), sa.spi(), sa.mode().keyword(), name(sa.encAlg()),
                Fingerprint.of(nonce, sa, "enc", sa.encKey()), name(sa.authAlg()),
                Fingerprint.of(nonce, sa, "auth", sa.authKey()), name(sa.compAlg()));
    }

    private static String name(Algorithm a) {
        return a == null ? "-" : a.name();
    }

    String encode() {
        return String.join(" ", "sa", src.format(), dst.format(), proto, Long.toString(spi), mode, enc, encFp, auth,
                authFp, comp);
    }

    /** Decodes the words after "sa"; throws {@link IllegalArgumentException} when malformed. */
    static SaLine decode(String[] w) {
        if (w.length != 11) {
            throw new IllegalArgumentException("sa line with " + w.length + " words (expected: 11)");
        }
        return new SaLine(IpAddress.parse(w[1]), IpAddress.parse(w[2]), w[3], Long.parseLong(w[4]), w[5], w[6], w[7],
                w[8], w[9], w[10]);
    }

    boolean sameFlow(SaLine o) {
        return src.equals(o.src) && dst.equals(o.dst) && proto.equals(o.proto);
    }

    String flow() {
        return src.format() + "->" + dst.format();
    }

    /** The algorithms as setkey writes them, e.g. {@code -E blowfish-cbc -A hmac-md5}. */
    String algorithms() {
        StringBuilder sb = new StringBuilder();
        if (!enc.equals("-")) {
            sb.append("-E ").append(enc);
        }
        if (!auth.equals("-")) {
            sb.append(sb.length() == 0 ? "" : " ").append("-A ").append(auth);
        }
        if (!comp.equals("-")) {
            sb.append(sb.length() == 0 ? "" : " ").append("-C ").append(comp);
        }
        return sb.toString();
    }
}
