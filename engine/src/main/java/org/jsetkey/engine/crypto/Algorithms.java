package org.jsetkey.engine.crypto;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.TwofishEngine;

/**
 * The one algorithm table (architecture.md §5): names, PF_KEY numbers, key sizes,
 * IV/block/ICV sizes and defining RFCs. Parser, validator, dump printer, help,
 * completion and the transforms all read it.
 */
public final class Algorithms {
    /** SA flag bits (sadb_sa flags). */
    public static final int FLAG_OLD = 0x0001;
    public static final int FLAG_IV4B = 0x0010;
    public static final int FLAG_DERIV = 0x0020;
    public static final int FLAG_CYCSEQ = 0x0040;
    public static final int FLAG_RAWCPI = 0x0080;
    public static final int FLAG_RANDOM_PAD = 0x0100;
    public static final int FLAG_ZERO_PAD = 0x0200;

    // keyed by the rows themselves: hashing a record of 14 components first builds its hashCode
    // method handles, about a fifth of a short run's start-up
    private static final Map<Algorithm, CipherMaker> CIPHERS = new IdentityHashMap<>();
    private static final Map<Algorithm, MacMaker> MACS = new IdentityHashMap<>();
    private static final Map<Algorithm, IntFunction<PacketCompressor>> COMPRESSORS = new IdentityHashMap<>();
    private static final List<Algorithm> ALL;

    static {
        List<Algorithm> l = new ArrayList<>();
        // authentication (-A)
        l.add(auth("hmac-md5", List.of(), "hmac-md5", 2, KeySizes.of(128), 12, 16, "RFC 2403", "HMAC-MD5-96",
                (k, icv) -> new JceHmac("HmacMD5", k, icv)));
        l.add(auth("hmac-sha1", List.of(), "hmac-sha1", 3, KeySizes.of(160), 12, 16, "RFC 2404", "HMAC-SHA-1-96",
                (k, icv) -> new JceHmac("HmacSHA1", k, icv)));
        l.add(auth("keyed-md5", List.of(), "md5", 249, KeySizes.of(128), 12, 16, "RFC 1828", "keyed MD5 (legacy)",
                (k, icv) -> new KeyedDigest("MD5", k, icv)));
        l.add(auth("keyed-sha1", List.of(), "sha", 250, KeySizes.of(160), 12, 16, "none", "keyed SHA-1 (legacy)",
                (k, icv) -> new KeyedDigest("SHA-1", k, icv)));
        l.add(auth("hmac-sha2-256", List.of("hmac-sha256"), "hmac-sha2-256", 5, KeySizes.of(256), 16, 16,
                "RFC 4868", "HMAC-SHA-256-128", (k, icv) -> new JceHmac("HmacSHA256", k, icv)));
        l.add(auth("hmac-sha2-384", List.of("hmac-sha384"), "hmac-sha2-384", 6, KeySizes.of(384), 24, 16,
                "RFC 4868", "HMAC-SHA-384-192", (k, icv) -> new JceHmac("HmacSHA384", k, icv)));
        l.add(auth("hmac-sha2-512", List.of("hmac-sha512"), "hmac-sha2-512", 7, KeySizes.of(512), 32, 16,
                "RFC 4868", "HMAC-SHA-512-256", (k, icv) -> new JceHmac("HmacSHA512", k, icv)));
        l.add(auth("hmac-ripemd160", List.of(), "hmac-ripemd160", 8, KeySizes.of(160), 12, 16, "RFC 2857",
                "HMAC-RIPEMD-160-96", (k, icv) -> new BcHmac(new RIPEMD160Digest(), k, icv)));
        l.add(auth("aes-xcbc-mac", List.of(), "aes-xcbc-mac", 9, KeySizes.of(128), 12, 16, "RFC 3566",
                "AES-XCBC-MAC-96", XcbcMac::new));
        l.add(auth("tcp-md5", List.of(), "tcp-md5", 252, KeySizes.range(8, 640, 8), 16, 16, "RFC 2385",
                "TCP MD5 signature (protocol tcp only)", null));
        l.add(auth("null", List.of(), "null", 251, KeySizes.NONE, 0, 0, "RFC 2410", "no authentication (debugging)",
                (k, icv) -> new NullMac()));
        // encryption (-E)
        l.add(enc("des-cbc", List.of(), "des-cbc", 2, KeySizes.of(64), 0, 8, 8, 0, 0, "RFC 2405", "DES-CBC (weak)",
                k -> bc(new DESEngine(), new DESEngine(), k)));
        l.add(enc("3des-cbc", List.of(), "3des-cbc", 3, KeySizes.of(192), 0, 8, 8, 0, 0, "RFC 2451", "3DES-CBC (EDE3)",
                k -> bc(new DESedeEngine(), new DESedeEngine(), k)));
        l.add(enc("null", List.of(), "null", 11, KeySizes.NONE, 0, 0, 1, 0, 0, "RFC 2410", "no encryption",
                k -> new NullCipher()));
        l.add(enc("simple", List.of(), "null", 11, KeySizes.NONE, 0, 0, 1, 0, 0, "RFC 2410",
                "obsolete name of null", k -> new NullCipher()));
        // Bouncy Castle engines keyed once per SA: the JDK re-runs Blowfish's costly key schedule on every init
        l.add(enc("blowfish-cbc", List.of(), "blowfish-cbc", 7, KeySizes.range(40, 448, 8), 0, 8, 8, 0, 0,
                "RFC 2451", "Blowfish-CBC", k -> bc(new BlowfishEngine(), new BlowfishEngine(), k)));
        l.add(enc("cast128-cbc", List.of(), "cast128-cbc", 6, KeySizes.range(40, 128, 8), 0, 8, 8, 0, 0,
                "RFC 2144", "CAST-128-CBC", k -> bc(new CAST5Engine(), new CAST5Engine(), k)));
        l.add(enc("des-deriv", List.of(), "des-cbc", 2, KeySizes.of(64), 0, 8, 8, 0, FLAG_DERIV,
                "draft-ietf-ipsec-ciph-des-derived-01", "DES-CBC, IV derived from the sequence number (esp only)",
                k -> bc(new DESEngine(), new DESEngine(), k)));
        l.add(enc("des-32iv", List.of(), "des-cbc", 2, KeySizes.of(64), 0, 4, 8, 0, FLAG_IV4B, "RFC 1829",
                "DES-CBC with a 32-bit IV (esp-old only)", k -> bc(new DESEngine(), new DESEngine(), k)));
        l.add(enc("rijndael-cbc", List.of("aes-cbc"), "rijndael-cbc", 12, KeySizes.of(128, 192, 256), 0, 16, 16,
                0, 0, "RFC 3602", "AES-CBC", k -> JceCipher.cbc("AES", k, 16)));
        l.add(enc("aes-ctr", List.of(), "aes-ctr", 13, KeySizes.of(160, 224, 288), 4, 8, 1, 0, 0, "RFC 3686",
                "AES-CTR (key + 4-byte nonce)",
                k -> new JceCipher(JceCipher.Mode.CTR, "AES", "AES/CTR/NoPadding", k, 4, 16)));
        l.add(enc("twofish-cbc", List.of(), "twofish-cbc", 253, KeySizes.range(128, 256, 8), 0, 16, 16, 0, 0,
                "draft-ietf-ipsec-ciph-aes-cbc-01", "Twofish-CBC",
                k -> bc(new TwofishEngine(), new TwofishEngine(), k)));
        l.add(enc("camellia-cbc", List.of(), "camellia-cbc", 22, KeySizes.of(128, 192, 256), 0, 16, 16, 0, 0,
                "RFC 4312", "Camellia-CBC", k -> bc(new CamelliaEngine(), new CamelliaEngine(), k)));
        l.add(enc("aes-gcm-16", List.of(), "aes-gcm-16", 20, KeySizes.of(160, 224, 288), 4, 8, 1, 16, 0,
                "RFC 4106", "AES-GCM, 16-byte ICV (key + 4-byte salt)",
                k -> new JceCipher(JceCipher.Mode.GCM, "AES", "AES/GCM/NoPadding", k, 4, 16)));
        l.add(enc("aes-gmac", List.of(), "aes-gmac", 23, KeySizes.of(160, 224, 288), 4, 8, 1, 16, 0, "RFC 4543",
                "AES-GMAC, authentication only (key + 4-byte salt)",
                k -> new JceCipher(JceCipher.Mode.GMAC, "AES", "AES/GCM/NoPadding", k, 4, 16)));
        l.add(enc("chacha20-poly1305", List.of(), "chacha20-poly1305", 24, KeySizes.of(288), 4, 8, 1, 16, 0,
                "RFC 7634", "ChaCha20-Poly1305 (key + 4-byte salt)",
                k -> new JceCipher(JceCipher.Mode.CHACHA, "ChaCha20", "ChaCha20-Poly1305", k, 4, 1)));
        // compression (-C)
        l.add(comp("deflate", 2, "RFC 2394", "DEFLATE", PacketCompressor::new));
        l.add(comp("lzs", 3, "RFC 2395", "LZS", null));
        l.add(comp("oui", 1, "none", "vendor-specific placeholder (no implementation)", null));
        ALL = Collections.unmodifiableList(l);
    }

    private Algorithms() {
    }

    private static Algorithm auth(String name, List<String> aliases, String dump, int id, KeySizes keys, int icv,
                                  int oldIcv, String rfc, String summary, MacMaker mac) {
        Algorithm a = new Algorithm(name, aliases, dump, AlgorithmKind.AUTH, id, keys, 0, 0, 0, icv, oldIcv, 0, rfc,
                summary);
        MACS.put(a, mac);
        return a;
    }

    private static Algorithm enc(String name, List<String> aliases, String dump, int id, KeySizes keys, int salt,
                                 int iv, int block, int icv, int flags, String rfc, String summary,
                                 CipherMaker cipher) {
        Algorithm a = new Algorithm(name, aliases, dump, AlgorithmKind.ENCRYPT, id, keys, salt, iv, block, icv, 0,
                flags, rfc, summary);
        CIPHERS.put(a, cipher);
        return a;
    }

    private static Algorithm comp(String name, int id, String rfc, String summary,
                                  IntFunction<PacketCompressor> compressor) {
        Algorithm a = new Algorithm(name, List.of(), name, AlgorithmKind.COMPRESS, id, KeySizes.NONE, 0, 0, 0, 0, 0,
                0, rfc, summary);
        COMPRESSORS.put(a, compressor);
        return a;
    }

    private static PacketCipher bc(BlockCipher enc, BlockCipher dec, byte[] key) {
        return new BcCbcCipher(enc, dec, key);
    }

    /** Makes an SA's ESP cipher from its key. */
    interface CipherMaker {
        PacketCipher make(byte[] key) throws GeneralSecurityException;
    }

    /** Makes an SA's MAC from its key and the ICV length it carries. */
    interface MacMaker {
        PacketMac make(byte[] key, int icvBytes) throws GeneralSecurityException;
    }

    /** How this table's row makes its cipher; null when jsetkey has no transform for it. */
    static CipherMaker cipherMaker(Algorithm a) {
        return CIPHERS.get(a);
    }

    /** How this table's row makes its MAC; null when jsetkey has no transform for it (tcp-md5). */
    static MacMaker macMaker(Algorithm a) {
        return MACS.get(a);
    }

    /** How this table's row makes its compressor from the PF_KEY number; null when none (lzs, oui). */
    static IntFunction<PacketCompressor> compressorMaker(Algorithm a) {
        return COMPRESSORS.get(a);
    }

    public static List<Algorithm> all() {
        return ALL;
    }

    public static List<Algorithm> of(AlgorithmKind kind) {
        List<Algorithm> l = new ArrayList<>();
        for (Algorithm a : ALL) {
            if (a.kind() == kind) {
                l.add(a);
            }
        }
        return l;
    }

    /** Looks up an input name or alias of the given kind. */
    public static Optional<Algorithm> find(AlgorithmKind kind, String word) {
        for (Algorithm a : ALL) {
            if (a.kind() == kind && a.hasName(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Every input spelling of the kind, canonical names first then aliases, in table order. */
    public static List<String> inputNames(AlgorithmKind kind) {
        List<String> names = new ArrayList<>();
        for (Algorithm a : of(kind)) {
            names.add(a.name());
            names.addAll(a.aliases());
        }
        return names;
    }

    /** By PF_KEY number (first row wins: des-cbc for 2, null for 11). */
    public static Optional<Algorithm> byId(AlgorithmKind kind, int sadbId) {
        for (Algorithm a : ALL) {
            if (a.kind() == kind && a.sadbId() == sadbId) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
