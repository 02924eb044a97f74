package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class PacketViewTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void readsBigEndianAtAbsoluteOffsets() {
        byte[] b = hex("ff 01 02 03 04 80 00 00 01");
        assertEquals(0xff, PacketView.u8(b, 0));
        assertEquals(0x0102, PacketView.u16(b, 1));
        assertEquals(0x01020304L, PacketView.u32(b, 1));
        assertEquals(0x80000001L, PacketView.u32(b, 5));
    }

    @Test
    void aWindowReadPastItsEndNamesTheHeader() {
        PacketView esp = PacketView.of(hex("00 00 01 00 00 00 00 07")).as("esp");
        assertEquals(256, esp.u32(0));
        assertEquals(7, esp.u32(4));
        PacketTruncated t = assertThrows(PacketTruncated.class, () -> esp.from(4).u32(2));
        assertEquals("esp", t.header());
        assertEquals("ah", assertThrows(PacketTruncated.class, () -> esp.as("ah").u8(-1)).header());
        assertEquals(4, esp.from(4).length());
    }

    @Test
    void aSliceEndsWhereTheLengthFieldSaysButNotPastThePacket() {
        PacketView ip = PacketView.of(hex("45 00 00 1c 01 02 03 04"));
        assertEquals(3, ip.slice(2, 3).length());
        assertEquals(6, ip.slice(2, 100).length());
        assertEquals(0x0304, ip.slice(6, 2).u16(0));
    }

    @Test
    void headerLengthsComeFromTheirFields() {
        assertEquals(20, PacketView.ipv4HeaderLength(hex("45")));
        assertEquals(60, PacketView.ipv4HeaderLength(0x4f));
        assertEquals(24, PacketView.ahLength(4)); // HMAC-SHA1-96: 12 fixed bytes + 12 ICV bytes
    }

    @Test
    void anAhChainIsFollowedUntilEspHidesTheRest() {
        // IPv4 (20) | AH next=ESP len=4 (24 bytes) | ESP spi 0x1000 seq 1
        String ip = "4500003c 00000000 40330000 c0000201 c0000202";
        String ah = "32040000 00000200 00000001 000000000000000000000000";
        String esp = "00001000 00000001 0000000000000000";
        byte[] packet = hex(ip + ah + esp);
        IpView v = IpView.parse(packet);
        assertEquals(IpProtocol.AH.number(), v.protocol());
        assertEquals(List.of(IpProtocol.AH.number(), IpProtocol.ESP.number()), v.visibleIpsecHeaders(packet));
    }
}
