package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * A plain UDP socket stands in for the peer and records every datagram a host sends from
 * boot to exit. Each must be a whole IPv4 packet with a correct header; the AH/ESP ones must
 * verify and decrypt with the keys of the shared how-to vectors, using only the JDK's HMAC-MD5
 * and Blowfish here (no jsetkey code reads the datagrams).
 */
class OnlyIpOnTheWireIT {
    /** The repository's copy of the shared vectors (made by an independent IPsec stack). */
    private static final Path VECTORS = LabProfiles.SCRIPTS.getParent()
            .resolve("engine/src/test/resources/vectors/freebsd-howto.conf");
    private static final byte[] AH_KEY = "1234567890123456".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ESP_KEY = "12345".getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyDatagramFromBootToExitIsAValidIpPacket() throws Exception {
        List<byte[]> got = new ArrayList<>();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int hostPort = LabProfiles.freePort();
            InProcessRun r = InProcessRun.of(String.join("\n",
                    "ping -c 2 -i 0.2 -W 0.3 10.0.0.2",
                    "add 10.0.0.1 10.0.0.2 esp 0x1000 -E aes-cbc 0x00112233445566778899aabbccddeeff;",
                    "delete 10.0.0.1 10.0.0.2 esp 0x1000;",
                    "spdadd 10.0.0.1 10.0.0.3 icmp -P out ipsec esp/transport//use;",
                    "link",
                    "flush;",
                    "ping -c 1 -W 0.3 10.0.0.2",
                    "exit", ""),
                    "--name", "phoenix", "--addr", "10.0.0.1", "--listen", "127.0.0.1:" + hostPort,
                    "--peer", "127.0.0.1:" + peer.getLocalPort(), "--boot", VECTORS.toString());
            assertTrue(r.out().contains("2 packets transmitted, 0 received"), r.out() + r.err());
            assertTrue(r.out().contains("  announced nothing yet"), r.out());
            peer.setSoTimeout(1000);
            byte[] buf = new byte[65535];
            for (int i = 0; i < 100; i++) {
                DatagramPacket dp = new DatagramPacket(buf, buf.length);
                try {
                    peer.receive(dp);
                } catch (SocketTimeoutException e) {
                    break;
                }
                assertEquals(hostPort, dp.getPort(), "from the host's link socket");
                got.add(Arrays.copyOf(dp.getData(), dp.getLength()));
            }
        }
        int announcements = 0;
        int protectedPings = 0;
        int clearPings = 0;
        for (byte[] d : got) {
            String what = hex(d);
            assertEquals(4, (d[0] & 0xff) >> 4, "IPv4: " + what);
            int ihl = (d[0] & 0x0f) * 4;
            assertTrue(ihl >= 20 && ihl <= d.length, what);
            assertEquals(d.length, u16(d, 2), "total length is the datagram's length: " + what);
            assertEquals(0xffff, onesSum(d, 0, ihl), "header checksum: " + what);
            assertEquals("10.0.0.1", addr(d, 12), what);
            int proto = d[9] & 0xff;
            if (proto == 17) {
                assertEquals("255.255.255.255", addr(d, 16), what);
                assertEquals(60500, u16(d, ihl), what);
                assertEquals(60500, u16(d, ihl + 2), what);
                assertEquals(d.length - ihl, u16(d, ihl + 4), "UDP length: " + what);
                assertEquals(0xffff, udpSum(d, ihl), "UDP checksum: " + what);
                String text = new String(d, ihl + 8, d.length - ihl - 8, StandardCharsets.US_ASCII);
                assertEquals("jsetkey announce phoenix 10.0.0.1\n", text);
                announcements++;
            } else if (proto == 51) {
                verifyAhOverEsp(d, ihl);
                protectedPings++;
            } else {
                assertEquals(1, proto, what);
                assertEquals(0xffff, onesSum(d, ihl, d.length - ihl), "ICMP checksum: " + what);
                assertEquals(8, d[ihl], "echo request: " + what);
                clearPings++;
            }
        }
        assertEquals(1, announcements, "one announcement, at boot");
        assertEquals(2, protectedPings, "the two pings under the how-to's SAs");
        assertEquals(1, clearPings, "after flush the 'use' policy sends in the clear");
        assertEquals(4, got.size());
    }

    /** RFC 4302 ICV over the header with mutable fields zeroed; then RFC 4303 Blowfish-CBC decryption. */
    private static void verifyAhOverEsp(byte[] d, int ihl) throws Exception {
        assertEquals(50, d[ihl] & 0xff, "AH carries ESP");
        int ahLen = ((d[ihl + 1] & 0xff) + 2) * 4;
        assertEquals(24, ahLen);
        assertEquals(15700, (int) u32(d, ihl + 4));
        byte[] icv = Arrays.copyOfRange(d, ihl + 12, ihl + 24);
        byte[] m = d.clone();
        m[1] = 0;
        m[6] = 0;
        m[7] = 0;
        m[8] = 0;
        m[10] = 0;
        m[11] = 0;
        Arrays.fill(m, ihl + 12, ihl + 24, (byte) 0);
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(AH_KEY, "HmacMD5"));
        assertArrayEquals(icv, Arrays.copyOf(mac.doFinal(m), 12), "AH hmac-md5 ICV");
        int esp = ihl + ahLen;
        assertEquals(15701, (int) u32(d, esp));
        byte[] iv = Arrays.copyOfRange(d, esp + 8, esp + 16);
        Cipher c = Cipher.getInstance("Blowfish/CBC/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(ESP_KEY, "Blowfish"), new IvParameterSpec(iv));
        byte[] plain = c.doFinal(d, esp + 16, d.length - esp - 16);
        int next = plain[plain.length - 1] & 0xff;
        int pad = plain[plain.length - 2] & 0xff;
        assertEquals(1, next, "ICMP inside ESP");
        for (int i = 0; i < pad; i++) {
            assertEquals(i + 1, plain[plain.length - 2 - pad + i] & 0xff, "RFC 4303 padding");
        }
        int icmpLen = plain.length - 2 - pad;
        assertEquals(64, icmpLen);
        assertEquals(8, plain[0], "echo request");
        assertEquals(0xffff, onesSum(plain, 0, icmpLen), "inner ICMP checksum");
    }

    private static int udpSum(byte[] d, int off) {
        int len = d.length - off;
        long sum = 0;
        for (int i = 12; i < 20; i += 2) {
            sum += u16(d, i);
        }
        sum += 17 + len;
        return fold(sum + raw(d, off, len));
    }

    private static int onesSum(byte[] b, int off, int len) {
        return fold(raw(b, off, len));
    }

    private static long raw(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += ((b[off + i] & 0xff) << 8) | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
        }
        return sum;
    }

    private static int fold(long sum) {
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) sum;
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    private static String addr(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
