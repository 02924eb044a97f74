package org.jsetkey.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

/** Published cipher test vectors through the per-SA cipher API, byte for byte. */
class CipherVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static PacketCipher cipher(String name, String key) throws NoTransformException {
        return SaCrypto.cipher(Algorithms.find(AlgorithmKind.ENCRYPT, name).orElseThrow(), hex(key));
    }

    private static void roundTrip(PacketCipher c, byte[] iv, byte[] aad, byte[] plain, byte[] expected)
            throws Exception {
        byte[] out = c.encrypt(iv, aad, plain, 0, plain.length);
        assertEquals(HEX.formatHex(expected), HEX.formatHex(out));
        assertArrayEquals(plain, c.decrypt(iv, aad, out, 0, out.length));
    }

    private static byte[] seq(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    @Test
    void aesCbcRfc3602Cases1To4() throws Exception {
        // RFC 3602 section 4, cases #1-#4
        roundTrip(cipher("aes-cbc", "06a9214036b8a15b512e03d534120006"), hex("3dafba429d9eb430b422da802c9fac41"),
                null, "Single block msg".getBytes(StandardCharsets.US_ASCII),
                hex("e353779c1079aeb82708942dbe77181a"));
        roundTrip(cipher("rijndael-cbc", "c286696d887c9aa0611bbb3e2025a45a"),
                hex("562e17996d093d28ddb3ba695a2e6f58"), null, seq(0, 32),
                hex("d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1"));
        roundTrip(cipher("aes-cbc", "6c3ea0477630ce21a2ce334aa746c2cd"), hex("c782dc4c098c66cbd9cd27d825682c81"),
                null, "This is a 48-byte message (exactly 3 AES blocks)".getBytes(StandardCharsets.US_ASCII),
                hex("d0a02b3836451753d493665d33f0e8862dea54cdb293abc7506939276772f8d5"
                        + "021c19216bad525c8579695d83ba2684"));
        roundTrip(cipher("aes-cbc", "56e47a38c5598974bc46903dba290349"), hex("8ce82eefbea0da3c44699ed7db51b7d9"),
                null, seq(0xa0, 64),
                hex("c30e32ffedc0774e6aff6af0869f71aa0f3af07a9a31a9c684db207eb0ef8e4e"
                        + "35907aa632c3ffdf868bb7b29d3d46ad83ce9f9a102ee99d49a53e87f4c3da55"));
    }

    @Test
    void aesCtrRfc3686() throws Exception {
        // RFC 3686 section 6, test vectors #1 and #2 (key || nonce as setkey takes it)
        roundTrip(cipher("aes-ctr", "ae6852f8121067cc4bf7a5765577f39e 00000030"), hex("0000000000000000"), null,
                "Single block msg".getBytes(StandardCharsets.US_ASCII), hex("e4095d4fb7a7b3792d6175a3261311b8"));
        roundTrip(cipher("aes-ctr", "7e24067817fae0d743d6ce1f32539163 006cb6db"), hex("c0543b59da48d90b"), null,
                seq(0, 32), hex("5104a106168a72d9790d41ee8edad388eb2e1efc46da57c8fce630df9141be28"));
    }

    private static final String GCM_P = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private static final String GCM_C = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
            + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091";

    @Test
    void aesGcmMcGrewViegaTestCase4AsRfc4106() throws Exception {
        // "The Galois/Counter Mode of Operation", McGrew & Viega, test case 4: IV cafebabefacedbaddecaf888
        // splits per RFC 4106 into salt cafebabe (last 4 key bytes) and explicit IV facedbaddecaf888.
        PacketCipher c = cipher("aes-gcm-16", "feffe9928665731c6d6a8f9467308308 cafebabe");
        roundTrip(c, hex("facedbaddecaf888"), hex("feedfacedeadbeeffeedfacedeadbeefabaddad2"), hex(GCM_P),
                hex(GCM_C + "5bc94fbc3221a5db94fae95ae7121a47"));
        byte[] forged = hex(GCM_C + "5bc94fbc3221a5db94fae95ae7121a48");
        assertThrows(AEADBadTagException.class, () -> c.decrypt(hex("facedbaddecaf888"),
                hex("feedfacedeadbeeffeedfacedeadbeefabaddad2"), forged, 0, forged.length));
    }

    @Test
    void chacha20Poly1305Rfc8439() throws Exception {
        // RFC 8439 section 2.8.2: nonce 07000000 || 4041424344454647 = RFC 7634 salt || IV
        PacketCipher c = cipher("chacha20-poly1305",
                "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f 07000000");
        byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
                + "future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        roundTrip(c, hex("4041424344454647"), hex("50515253c0c1c2c3c4c5c6c7"), plain,
                hex("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                        + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                        + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                        + "3ff4def08e4b7a9de576d26586cec64b6116" + "1ae10b594f09e26a7e902ecbd0600691"));
    }

    @Test
    void bouncyCastleCbcCiphersRoundTripAndChain() throws Exception {
        for (String name : new String[] {"cast128-cbc", "twofish-cbc", "camellia-cbc"}) {
            PacketCipher c = cipher(name, "000102030405060708090a0b0c0d0e0f");
            byte[] iv = seq(0x40, c.ivBytes());
            byte[] plain = new byte[c.blockBytes() * 3];
            byte[] ct = c.encrypt(iv, null, plain, 0, plain.length);
            assertArrayEquals(plain, c.decrypt(iv, null, ct, 0, ct.length), name);
            // CBC: equal plaintext blocks give different ciphertext blocks
            assertThrows(AssertionError.class, () -> assertArrayEquals(
                    java.util.Arrays.copyOfRange(ct, 0, c.blockBytes()),
                    java.util.Arrays.copyOfRange(ct, c.blockBytes(), 2 * c.blockBytes())), name);
        }
    }

    @Test
    void camelliaMatchesRfc3713Vector() throws Exception {
        // RFC 3713 appendix A, 128-bit key; CBC with a zero IV on one block is plain ECB
        PacketCipher c = cipher("camellia-cbc", "0123456789abcdeffedcba9876543210");
        byte[] ct = c.encrypt(new byte[16], null, hex("0123456789abcdeffedcba9876543210"), 0, 16);
        assertEquals("67673138549669730857065648eabe43", HEX.formatHex(ct));
    }
}
