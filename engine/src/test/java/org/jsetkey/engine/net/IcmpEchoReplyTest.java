package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The echo responder writes its reply straight into a packet: byte for byte what decoding the
 * request, turning it into a reply and building a packet gives, IP options and IPv6 extension
 * headers of the request left behind as that path leaves them.
 */
class IcmpEchoReplyTest {
    private static final IpAddress A4 = IpAddress.parse("192.0.2.10");
    private static final IpAddress B4 = IpAddress.parse("198.51.100.20");
    private static final IpAddress A6 = IpAddress.parse("2001:db8::10");
    private static final IpAddress B6 = IpAddress.parse("2001:db8::20");

    private static byte[] payload(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) (i * 7 + 3);
        }
        return d;
    }

    /** What the responder sent before: decode, toReply, toPacket. */
    private static byte[] byValues(byte[] request, int id4, int ttl) {
        Packet p = Packet.wrap(request);
        IcmpEcho echo = IcmpEcho.fromPacket(p);
        return echo.toReply().toPacket(p.destination(), p.source(), id4, ttl);
    }

    private static byte[] inPlace(byte[] request, int id4, int ttl) {
        Packet out = new Packet(64);
        assertTrue(IcmpEcho.writeReply(Packet.copyOf(request), out, () -> id4, ttl));
        return out.toByteArray();
    }

    @Test
    void theReplyWrittenInPlaceIsTheReplyBuiltFromValues() {
        for (int size : new int[] {0, 1, 56, 1000, 1473}) {
            byte[] v4 = new IcmpEcho(false, false, 0x1234, 7, payload(size)).toPacket(A4, B4, 99, 63);
            assertArrayEquals(byValues(v4, 4242, 64), inPlace(v4, 4242, 64), "IPv4, " + size + " bytes");
            byte[] v6 = new IcmpEcho(true, false, 0xfedc, 65535, payload(size)).toPacket(A6, B6, 0, 17);
            assertArrayEquals(byValues(v6, 0, 64), inPlace(v6, 0, 64), "IPv6, " + size + " bytes");
        }
    }

    @Test
    void aRequestsIpOptionsAndExtensionHeadersAreNotCopiedIntoTheReply() {
        byte[] icmp = new IcmpEcho(false, false, 1, 2, payload(32)).encode(A4, B4);
        byte[] options = {1, 1, 1, 0}; // NOP, NOP, NOP, end of list
        byte[] head = new Ipv4Header(0, 24 + icmp.length, 5, 0, 64, 1, 0, A4, B4, options).encode();
        byte[] v4 = concat(head, icmp);
        assertArrayEquals(byValues(v4, 11, 64), inPlace(v4, 11, 64));
        assertEquals(20 + icmp.length, inPlace(v4, 11, 64).length);

        byte[] icmp6 = new IcmpEcho(true, false, 3, 4, payload(24)).encode(A6, B6);
        byte[] hopByHop = {58, 0, 1, 4, 0, 0, 0, 0}; // next: ICMPv6, PadN
        byte[] head6 = Ipv6Header.of(A6, B6, 0, hopByHop.length + icmp6.length, 64).encode();
        byte[] v6 = concat(concat(head6, hopByHop), icmp6);
        assertArrayEquals(byValues(v6, 0, 64), inPlace(v6, 0, 64));
        assertEquals(40 + icmp6.length, inPlace(v6, 0, 64).length);
    }

    @Test
    void notAnEchoRequestItWritesNothingAndTakesNoIdentification() {
        AtomicInteger ids = new AtomicInteger(100);
        byte[] reply = new IcmpEcho(false, true, 1, 1, payload(8)).toPacket(A4, B4, 1, 64);
        byte[] request = new IcmpEcho(false, false, 1, 1, payload(8)).toPacket(A4, B4, 1, 64);
        byte[] badSum = request.clone();
        badSum[badSum.length - 1] ^= 1;
        byte[] badCode = request.clone();
        badCode[21] = 1;
        byte[] udp = IpPacket.build(A4, B4, IpProtocol.UDP.number(), UdpHeader.build(A4, B4, 1, 2, payload(8)), 1, 64);
        for (byte[] p : new byte[][] {reply, badSum, badCode, udp, new byte[] {0x45, 0}}) {
            assertFalse(IcmpEcho.writeReply(Packet.copyOf(p), new Packet(64), ids::getAndIncrement, 64));
        }
        assertEquals(100, ids.get());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
