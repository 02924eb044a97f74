package org.jsetkey.engine.persist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;

/**
 * Algorithm names as the Linux kernel and iproute2 spell them ({@code cbc(aes)},
 * {@code hmac(sha256)}, {@code rfc4106(gcm(aes))}) against the setkey table. What is missing
 * here (des-deriv, des-32iv, keyed-md5, keyed-sha1, tcp-md5, oui) has no Linux equivalent.
 */
final class XfrmNames {
    /** How an algorithm is written: the ALGO keyword ({@code enc}, {@code auth-trunc}, {@code aead}, {@code comp}) and name. */
    record Linux(String keyword, String name, List<String> aliases) {
    }

    private static final Map<String, Linux> BY_SETKEY = new LinkedHashMap<>();

    static {
        enc("des-cbc", "cbc(des)", "des");
        enc("3des-cbc", "cbc(des3_ede)", "des3_ede");
        enc("null", "ecb(cipher_null)", "cipher_null");
        enc("blowfish-cbc", "cbc(blowfish)", "blowfish");
        enc("cast128-cbc", "cbc(cast5)", "cast5");
        enc("rijndael-cbc", "cbc(aes)", "aes");
        enc("aes-ctr", "rfc3686(ctr(aes))");
        enc("twofish-cbc", "cbc(twofish)", "twofish");
        enc("camellia-cbc", "cbc(camellia)", "camellia");
        aead("aes-gcm-16", "rfc4106(gcm(aes))");
        aead("aes-gmac", "rfc4543(gcm(aes))");
        aead("chacha20-poly1305", "rfc7539esp(chacha20,poly1305)");
        auth("hmac-md5", "hmac(md5)", "md5");
        auth("hmac-sha1", "hmac(sha1)", "sha1");
        auth("hmac-sha2-256", "hmac(sha256)", "sha256");
        auth("hmac-sha2-384", "hmac(sha384)", "sha384");
        auth("hmac-sha2-512", "hmac(sha512)", "sha512");
        auth("hmac-ripemd160", "hmac(rmd160)", "rmd160");
        auth("aes-xcbc-mac", "xcbc(aes)");
        auth("null", "digest_null");
        comp("deflate", "deflate");
        comp("lzs", "lzs");
    }

    private XfrmNames() {
    }

    private static void enc(String setkey, String linux, String... aliases) {
        BY_SETKEY.put("E:" + setkey, new Linux("enc", linux, List.of(aliases)));
    }

    private static void aead(String setkey, String linux) {
        BY_SETKEY.put("E:" + setkey, new Linux("aead", linux, List.of()));
    }

    private static void auth(String setkey, String linux, String... aliases) {
        BY_SETKEY.put("A:" + setkey, new Linux("auth-trunc", linux, List.of(aliases)));
    }

    private static void comp(String setkey, String linux) {
        BY_SETKEY.put("C:" + setkey, new Linux("comp", linux, List.of()));
    }

    private static String prefix(AlgorithmKind kind) {
        return kind == AlgorithmKind.ENCRYPT ? "E:" : kind == AlgorithmKind.AUTH ? "A:" : "C:";
    }

    static Optional<Linux> linux(Algorithm a) {
        return Optional.ofNullable(BY_SETKEY.get(prefix(a.kind()) + a.name()));
    }

    /** The setkey algorithm for a Linux name (or its short alias) written after {@code keyword}. */
    static Optional<Algorithm> setkey(String keyword, String linuxName) {
        String kw = keyword.equals("auth") ? "auth-trunc" : keyword;
        for (Map.Entry<String, Linux> e : BY_SETKEY.entrySet()) {
            Linux l = e.getValue();
            if (l.keyword().equals(kw) && (l.name().equals(linuxName) || l.aliases().contains(linuxName))) {
                AlgorithmKind kind = e.getKey().startsWith("E:") ? AlgorithmKind.ENCRYPT
                        : e.getKey().startsWith("A:") ? AlgorithmKind.AUTH : AlgorithmKind.COMPRESS;
                return Algorithms.find(kind, e.getKey().substring(2));
            }
        }
        return Optional.empty();
    }

    /** Every Linux name valid after {@code keyword}, for error messages. */
    static List<String> names(String keyword) {
        String kw = keyword.equals("auth") ? "auth-trunc" : keyword;
        return BY_SETKEY.values().stream().filter(l -> l.keyword().equals(kw)).map(Linux::name).toList();
    }

    /**
     * The ICV bits Linux uses for {@code auth NAME KEY} (no explicit truncation): 96 for the
     * RFC 2403/2404 HMACs and, for historical reasons, also for hmac(sha256).
     */
    static int defaultTruncBits(Algorithm auth) {
        switch (auth.name()) {
            case "hmac-sha2-384":
                return 192;
            case "hmac-sha2-512":
                return 256;
            case "null":
                return 0;
            default:
                return 96;
        }
    }
}
