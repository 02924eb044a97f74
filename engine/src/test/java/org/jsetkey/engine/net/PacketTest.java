package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacketTest {
    private static byte[] echo(int total) {
        return new IcmpEcho(false, false, 9, 1, new byte[total - 28]).toPacket(IpAddress.parse("192.0.2.1"),
                IpAddress.parse("192.0.2.2"), 5, 64);
    }

    /** A reused buffer still holds the longer packet's bytes behind a shorter one: reads stop at the length. */
    @Test
    void readsStopAtThePacketsLengthNotTheBuffersEnd() {
        Packet p = Packet.copyOf(echo(200));
        p.load(echo(40), 0, 40);
        assertEquals(0x45, p.u8(0));
        p.u8(39);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.u8(40));
        assertEquals("read of 1 bytes at offset 40 past the end of a 40-byte packet", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.u32(38));
        assertThrows(IllegalArgumentException.class, () -> p.u16(-1));
    }

    /** A packet claiming more than it holds is refused by the walk, whatever the buffer holds behind it. */
    @Test
    void theWalkRefusesALengthFieldBeyondThePacket() {
        byte[] big = echo(200);
        Packet p = Packet.copyOf(big);
        byte[] cut = java.util.Arrays.copyOf(big, 60); // total length still says 200
        p.load(cut, 0, cut.length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::parse);
        assertEquals("IPv4 header length 20, total length 200 in 60 bytes: 450000c8", e.getMessage());
    }

    /** The walk's fields, and the same walk read back as the IpView the printers use. */
    @Test
    void oneWalkGivesAddressesProtocolAndIcmpTypeAndCode() {
        Packet p = Packet.copyOf(echo(84)).parse();
        assertEquals(4, p.version());
        assertEquals(1, p.protocol());
        assertEquals(20, p.upperOffset());
        assertEquals(84, p.end());
        assertEquals(IpAddress.parse("192.0.2.1"), p.source());
        assertEquals(IpAddress.parse("192.0.2.2"), p.destination());
        assertEquals(8, p.sourcePort(), "ICMP type");
        assertEquals(0, p.destinationPort(), "ICMP code");
        assertEquals(IpView.parse(echo(84)), p.view());
    }

    /** Growing in front and behind stays in the buffer while the room lasts, and moves once when it does not. */
    @Test
    void prependAndAppendUseTheRoomThenMoveOnce() {
        byte[] ip = echo(84);
        Packet p = Packet.copyOf(ip);
        byte[] buffer = p.buffer();
        int at = p.prepend(Packet.HEADROOM);
        assertEquals(0, at);
        assertEquals(buffer, p.buffer());
        p.prepend(8);
        assertEquals(84 + Packet.HEADROOM + 8, p.length());
        assertArrayEquals(ip, java.util.Arrays.copyOfRange(p.buffer(), p.offset() + Packet.HEADROOM + 8,
                p.offset() + p.length()));
        assertEquals(false, buffer == p.buffer(), "a new buffer once the headroom ran out");
    }

    /** Link padding behind the end goes without a new walk; a change to the header is walked again. */
    @Test
    void cutKeepsTheWalkAndAChangeForgetsIt() {
        byte[] padded = java.util.Arrays.copyOf(echo(84), 100);
        Packet p = Packet.copyOf(padded).parse();
        p.cutTo(p.end());
        assertEquals(84, p.length());
        assertEquals(true, p.parsed());
        p.buffer()[p.offset() + 19] = 9; // the destination's last byte
        p.changed();
        assertEquals(false, p.parsed());
        assertEquals(IpAddress.parse("192.0.2.9"), p.destination());
        assertThrows(IllegalArgumentException.class, () -> p.cutTo(85));
    }

    /** A reused buffer's next packet of the same flow shares the address values; another flow's packet reads its own. */
    @Test
    void addressesReadFromAReusedBufferAreThoseOfThePacketInIt() {
        byte[] first = echo(84);
        Packet p = Packet.copyOf(first);
        IpAddress src = p.source();
        IpAddress dst = p.destination();
        p.load(first, 0, first.length);
        assertEquals(true, src == p.source() && dst == p.destination(), "the same flow: nothing read again");
        byte[] other = first.clone();
        other[15] = 77; // the source's last byte
        other[19] = 88; // the destination's last byte
        p.load(other, 0, other.length);
        assertEquals(IpAddress.parse("192.0.2.77"), p.source());
        assertEquals(IpAddress.parse("192.0.2.88"), p.destination());
        p.load(first, 0, first.length);
        assertEquals(src, p.source());
        assertEquals(dst, p.destination());
    }
}
