package org.jsetkey.engine.check;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jsetkey.engine.sad.SecurityAssociation;

/**
 * The keyed fingerprint of an SA key that {@code peer check} puts on the link instead of the
 * key: HMAC-SHA256 over the key, keyed with SHA-256 of public data both hosts know (the
 * check's random nonce, the SA's src, dst, protocol and SPI, and which key), cut to 96 bits.
 * Equal keys give equal fingerprints on both hosts; the nonce makes every check's
 * fingerprints new. It hides nothing from a guesser: whoever sees a fingerprint can test
 * candidate keys offline, so a weak key (a short passphrase) can be found from it, as it can
 * from the SA's own packets.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(String nonce, SecurityAssociation sa, String which, byte[] key) {
        if (key == null || key.length == 0) {
            return "-";
        }
        try {
            String context = "jsetkey peer check 1|" + nonce + "|" + sa.src().format() + "|" + sa.dst().format() + "|"
                    + sa.type().keyword() + "|" + sa.spi() + "|" + which;
            byte[] macKey = MessageDigest.getInstance("SHA-256").digest(context.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            byte[] full = mac.doFinal(key);
            return HexFormat.of().formatHex(full, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every Java 17", e);
        }
    }
}
