package org.jsetkey.engine.crypto;

import java.util.List;

/**
 * One row of the algorithm table.
 *
 * @param name        the canonical setkey input name ({@code hmac-sha2-256})
 * @param aliases     other accepted input names ({@code hmac-sha256})
 * @param dumpName    the name {@code setkey -D} prints (KAME spelling: {@code rijndael-cbc}, {@code md5})
 * @param kind        -A, -E or -C
 * @param sadbId      the PF_KEY algorithm number
 * @param keySizes    accepted key lengths (for AEAD and CTR including the 4-byte salt/nonce)
 * @param saltBytes   trailing key bytes that are nonce/salt rather than cipher key (RFC 3686/4106/4543/7634)
 * @param ivBytes     per-packet IV carried in ESP
 * @param blockBytes  cipher block size (1 for stream and counter modes; ESP pads to 4 then)
 * @param icvBytes    ICV carried by AH/ESP for a new-style SA (for AEAD: the tag)
 * @param oldIcvBytes ICV for ah-old (RFC 1826/1828 style full-length digest)
 * @param saFlags     flag bits this algorithm adds to the SA (des-deriv, des-32iv)
 * @param rfc         the document defining the transform
 * @param summary     a one-line description for help and completion
 */
public record Algorithm(String name, List<String> aliases, String dumpName, AlgorithmKind kind, int sadbId,
                        KeySizes keySizes, int saltBytes, int ivBytes, int blockBytes, int icvBytes,
                        int oldIcvBytes, int saFlags, String rfc, String summary) {

    public Algorithm {
        aliases = List.copyOf(aliases);
    }

    public boolean keyless() {
        return keySizes.keyless();
    }

    /** Combined-mode (AEAD) cipher: ESP with it takes no -A. */
    public boolean aead() {
        return kind == AlgorithmKind.ENCRYPT && icvBytes > 0;
    }

    public boolean hasName(String word) {
        return name.equals(word) || aliases.contains(word);
    }

    @Override
    public String toString() {
        return name;
    }
}
