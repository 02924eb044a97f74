package org.jsetkey.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.junit.jupiter.api.Test;

/** Published MAC test vectors, byte for byte. */
class MacVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static byte[] fill(int b, int n) {
        byte[] k = new byte[n];
        Arrays.fill(k, (byte) b);
        return k;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String mac(PacketMac m, byte[] data) {
        return HEX.formatHex(m.icv(data, 0, data.length));
    }

    private static final String JEFE_DATA = "what do ya want for nothing?";

    @Test
    void hmacMd5Rfc2202() throws Exception {
        // RFC 2202 section 2, test cases 1 and 2
        assertEquals("9294727a3638bb1c13f48ef8158bfc9d", mac(new JceHmac("HmacMD5", fill(0x0b, 16), 16),
                ascii("Hi There")));
        assertEquals("750c783e6ab0b503eaa86e310a5db738", mac(new JceHmac("HmacMD5", ascii("Jefe"), 16),
                ascii(JEFE_DATA)));
    }

    @Test
    void hmacSha1Rfc2202() throws Exception {
        // RFC 2202 section 3, test cases 1 and 2
        assertEquals("b617318655057264e28bc0b6fb378c8ef146be00", mac(new JceHmac("HmacSHA1", fill(0x0b, 20), 20),
                ascii("Hi There")));
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", mac(new JceHmac("HmacSHA1", ascii("Jefe"), 20),
                ascii(JEFE_DATA)));
    }

    @Test
    void hmacSha2Rfc4231() throws Exception {
        // RFC 4231 section 4.2 (test case 1) and 4.3 (test case 2)
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                mac(new JceHmac("HmacSHA256", fill(0x0b, 20), 32), ascii("Hi There")));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                mac(new JceHmac("HmacSHA256", ascii("Jefe"), 32), ascii(JEFE_DATA)));
        assertEquals("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                + "8e2240ca5e69e2c78b3239ecfab21649", mac(new JceHmac("HmacSHA384", ascii("Jefe"), 48),
                ascii(JEFE_DATA)));
        assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
                mac(new JceHmac("HmacSHA512", ascii("Jefe"), 64), ascii(JEFE_DATA)));
    }

    @Test
    void hmacRipemd160Rfc2286() {
        // RFC 2286 section 2, test cases 1 and 2
        assertEquals("24cb4bd67d20fc1a5d2ed7732dcc39377f0a5668",
                mac(new BcHmac(new RIPEMD160Digest(), fill(0x0b, 20), 20), ascii("Hi There")));
        assertEquals("dda6c0213a485a9e24f4742064a7f033b43c4069",
                mac(new BcHmac(new RIPEMD160Digest(), ascii("Jefe"), 20), ascii(JEFE_DATA)));
    }

    @Test
    void aesXcbcMacRfc3566() {
        // RFC 3566 section 4.6, test cases 1-6 (full 128-bit results) and the 96-bit truncation ESP/AH use
        byte[] key = hex("000102030405060708090a0b0c0d0e0f");
        byte[] msg = new byte[34];
        for (int i = 0; i < msg.length; i++) {
            msg[i] = (byte) i;
        }
        XcbcMac full = new XcbcMac(key, 16);
        assertEquals("75f0251d528ac01c4573dfd584d79f29", HEX.formatHex(full.icv(msg, 0, 0)));
        assertEquals("5b376580ae2f19afe7219ceef172756f", HEX.formatHex(full.icv(msg, 0, 3)));
        assertEquals("d2a246fa349b68a79998a4394ff7a263", HEX.formatHex(full.icv(msg, 0, 16)));
        assertEquals("47f51b4564966215b8985c63055ed308", HEX.formatHex(full.icv(msg, 0, 20)));
        assertEquals("f54f0ec8d2b9f3d36807734bd5283fd4", HEX.formatHex(full.icv(msg, 0, 32)));
        assertEquals("becbb3bccdb518a30677d5481fb6b4d8", HEX.formatHex(full.icv(msg, 0, 34)));
        PacketMac esp = new XcbcMac(key, 12);
        assertEquals("d2a246fa349b68a79998a439", HEX.formatHex(esp.icv(msg, 0, 16)));
    }

    @Test
    void tableTruncationFollowsRfc4868() throws Exception {
        byte[] data = ascii(JEFE_DATA);
        PacketMac sha256 = SaCrypto.mac(Algorithms.find(AlgorithmKind.AUTH, "hmac-sha2-256").orElseThrow(),
                new byte[32], false);
        PacketMac sha512 = SaCrypto.mac(Algorithms.find(AlgorithmKind.AUTH, "hmac-sha2-512").orElseThrow(),
                new byte[64], false);
        PacketMac md5Old = SaCrypto.mac(Algorithms.find(AlgorithmKind.AUTH, "hmac-md5").orElseThrow(),
                new byte[16], true);
        assertEquals(16, sha256.icv(data, 0, data.length).length);
        assertEquals(32, sha512.icv(data, 0, data.length).length);
        assertEquals(16, md5Old.icv(data, 0, data.length).length);
        assertArrayEquals(Arrays.copyOf(new JceHmac("HmacSHA256", new byte[32], 32).icv(data, 0, data.length), 16),
                sha256.icv(data, 0, data.length));
    }

    @Test
    void keyedMd5IsKameKeyKeyfillDataKey() throws Exception {
        // ah_core.c: MD5(key || 0x80 0..0 || keybits as 8 LE bytes || data || key)
        byte[] key = ascii("1234567890123456");
        byte[] data = ascii("payload");
        byte[] fill = new byte[48];
        fill[0] = (byte) 0x80;
        fill[40] = (byte) 128; // 16 bytes = 128 bits, little-endian
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update(key);
        md5.update(fill);
        md5.update(data);
        md5.update(key);
        byte[] want = Arrays.copyOf(md5.digest(), 12);
        PacketMac m = SaCrypto.mac(Algorithms.find(AlgorithmKind.AUTH, "keyed-md5").orElseThrow(), key, false);
        assertArrayEquals(want, m.icv(data, 0, data.length));
    }

    @Test
    void tcpMd5HasNoPacketTransform() {
        NoTransformException e = assertThrows(NoTransformException.class, () -> SaCrypto.mac(
                Algorithms.find(AlgorithmKind.AUTH, "tcp-md5").orElseThrow(), new byte[8], false));
        assertEquals("no transform for tcp-md5", e.getMessage());
        e = assertThrows(NoTransformException.class, () -> SaCrypto.compressor(
                Algorithms.find(AlgorithmKind.COMPRESS, "lzs").orElseThrow()));
        assertEquals("no transform for lzs", e.getMessage());
    }
}
