package org.jsetkey.engine.check;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * One SA as {@code peer check} sends it: identity, mode, algorithms and key fingerprints,
 * never a key. {@code "-"} stands for no algorithm or no key.
 *
 * @param encap {@code udp:SPORT:DPORT} for an esp-udp SA (NAT-T), {@code "-"} otherwise (and from a
 *              peer that does not send the word)
 */
record SaLine(IpAddress src, IpAddress dst, String proto, long spi, String mode, String enc, String encFp,
              String auth, String authFp, String comp, String encap) {

    static SaLine of(SecurityAssociation sa, String nonce) {
        NatT n = sa.natt();
        return new SaLine(sa.src(), sa.dst(), sa.type().keyword(), sa.spi(), sa.mode().keyword(), name(sa.encAlg()),
                Fingerprint.of(nonce, sa, "enc", sa.encKey()), name(sa.authAlg()),
                Fingerprint.of(nonce, sa, "auth", sa.authKey()), name(sa.compAlg()),
                n == null ? "-" : "udp:" + n.sport() + ":" + n.dport());
    }

    /** The protocol word and addresses as setkey writes them: {@code esp-udp} with the ports for NAT-T. */
    String setkeyProtoAndAddresses() {
        if (encap.equals("-")) {
            return src.format() + " " + dst.format() + " " + proto;
        }
        String[] p = encap.split(":");
        return src.format() + "[" + p[1] + "] " + dst.format() + "[" + p[2] + "] esp-udp";
    }

    private static String name(Algorithm a) {
        return a == null ? "-" : a.name();
    }

    String encode() {
        return String.join(" ", "sa", src.format(), dst.format(), proto, Long.toString(spi), mode, enc, encFp, auth,
                authFp, comp, encap);
    }

    /** Decodes the words after "sa"; throws {@link IllegalArgumentException} when malformed. */
    static SaLine decode(String[] w) {
        if (w.length != 11 && w.length != 12) {
            throw new IllegalArgumentException("sa line with " + w.length + " words (expected: 11 or 12)");
        }
        String encap = w.length == 12 ? w[11] : "-";
        if (!encap.equals("-") && !encap.matches("udp:[0-9]{1,5}:[0-9]{1,5}")) {
            throw new IllegalArgumentException("sa line encapsulation \"" + encap + "\" (expected: - or udp:SPORT:DPORT)");
        }
        return new SaLine(IpAddress.parse(w[1]), IpAddress.parse(w[2]), w[3], Long.parseLong(w[4]), w[5], w[6], w[7],
                w[8], w[9], w[10], encap);
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
