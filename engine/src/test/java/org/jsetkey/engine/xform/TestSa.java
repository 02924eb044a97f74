package org.jsetkey.engine.xform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;

/** Builds SAD entries by hand, as setkey's add would (the parser lives elsewhere). */
final class TestSa {
    final Sad sad = new Sad(Clock.systemUTC(), new EventBus());
    /** Clear to add SAs with -f nocyclic-seq. */
    boolean cyclic = true;

    static Algorithm alg(AlgorithmKind kind, String name) {
        return Algorithms.find(kind, name).orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** "0x.." hex or a quoted-string key as setkey reads it. */
    static byte[] key(String k) {
        if (k == null) {
            return null;
        }
        if (k.startsWith("0x")) {
            return HexFormat.of().parseHex(k.substring(2));
        }
        return k.getBytes(StandardCharsets.US_ASCII);
    }

    /** A deterministic key of a valid length for {@code alg} (the largest exact size, or min + 64 bits). */
    static byte[] keyFor(Algorithm alg, int seed) {
        if (alg == null || alg.keyless()) {
            return null;
        }
        int bits = alg.keySizes().exact().isEmpty() ? alg.keySizes().minBits() + 64
                : alg.keySizes().exact().get(alg.keySizes().exact().size() - 1);
        byte[] k = new byte[bits / 8];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (i * 7 + seed);
        }
        return k;
    }

    SaEntry add(String src, String dst, SaType type, long spi, SaMode mode, long replay, int extraFlags,
                String enc, byte[] encKey, String auth, byte[] authKey, String comp) {
        Algorithm e = enc == null ? null : alg(AlgorithmKind.ENCRYPT, enc);
        SecurityAssociation sa = new SecurityAssociation(IpAddress.parse(src), IpAddress.parse(dst), type, spi, mode,
                0, replay, (cyclic ? Algorithms.FLAG_CYCSEQ : 0) | extraFlags | (e == null ? 0 : e.saFlags()), e, encKey,
                auth == null ? null : alg(AlgorithmKind.AUTH, auth), authKey,
                comp == null ? null : alg(AlgorithmKind.COMPRESS, comp), null, null, null);
        return sad.add(sa);
    }

    SaEntry esp(String src, String dst, long spi, String enc, String encKey, String auth, String authKey) {
        return add(src, dst, SaType.ESP, spi, SaMode.ANY, 0, 0, enc, key(encKey), auth, key(authKey), null);
    }

    SaEntry ah(String src, String dst, long spi, String auth, String authKey) {
        return add(src, dst, SaType.AH, spi, SaMode.ANY, 0, 0, null, null, auth, key(authKey), null);
    }
}
