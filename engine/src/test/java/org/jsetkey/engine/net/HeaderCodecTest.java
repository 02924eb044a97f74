package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.jsetkey.engine.print.TcpdumpFormatter;
import org.jsetkey.engine.xform.IpsecHeader;
import org.jsetkey.engine.xform.IpsecHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec contract, over the packets stored under {@code src/test/resources/packets}. Each is
 * read by the readers the datapath uses: the {@link Packet} value's one walk (offsets, protocol,
 * addresses, ports or ICMP type and code), the first IPsec header as {@link IpsecHeaders#locate}
 * finds it, the echo {@link IcmpEcho#fromPacket} reads; the header classes the paths write with
 * write the stored bytes back from what was read; and the trace printer prints the lines Debian's
 * tcpdump printed for the packet ({@code TcpdumpFormatterIT} checks those lines against tcpdump).
 */
class HeaderCodecTest {

    /** Writes the whole packet from what the readers found (and the fields the walk does not cover). */
    interface Writer {
        byte[] write(Packet read) throws Exception;
    }

    record Sample(String file, String walk, String ipsec, String echo, Writer writer) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Sample> samples() {
        return List.of(
                new Sample("ipv4-ah-esp.hex",
                        "v4 hl 20 end 132 proto 51 at 20 named at 9 10.0.0.1 > 10.0.0.2 ports 0 > 0 ipsec [51, 50]",
                        "proto 51 spi 0x3d54 at 20 named at 9", "none",
                        p -> IpPacket.build(p.source(), p.destination(), p.protocol(), upper(p), 1, 64)),
                new Sample("ipv4-esp-gcm.hex",
                        "v4 hl 20 end 120 proto 50 at 20 named at 9 10.0.0.1 > 10.0.0.2 ports 0 > 0 ipsec [50]",
                        "proto 50 spi 0x3001 at 20 named at 9", "none",
                        p -> IpPacket.build(p.source(), p.destination(), p.protocol(), upper(p), 1, 64)),
                new Sample("ipv4-esp-tunnel.hex",
                        "v4 hl 20 end 136 proto 50 at 20 named at 9 10.0.0.1 > 10.0.0.2 ports 0 > 0 ipsec [50]",
                        "proto 50 spi 0x4001 at 20 named at 9", "none",
                        p -> IpPacket.build(p.source(), p.destination(), p.protocol(), upper(p), 1, 64)),
                new Sample("ipv4-icmp-echo.hex",
                        "v4 hl 20 end 44 proto 1 at 20 named at 9 127.0.0.1 > 127.0.0.2 icmp 8 > 0 ipsec []",
                        "none", "v4 request id 4660 seq 1 data 000102030405060708090a0b0c0d0e0f",
                        p -> concat(new Ipv4Header(0, p.end(), 7, Ipv4Header.FLAG_DF, 64, p.protocol(), 0, p.source(),
                                p.destination(), null).encode(), IcmpEcho.fromPacket(p).encode(p.source(), p.destination()))),
                new Sample("ipv4-udp.hex",
                        "v4 hl 20 end 39 proto 17 at 20 named at 9 127.0.0.1 > 127.0.0.2 ports 40000 > 40001 ipsec []",
                        "none", "none",
                        p -> concat(new Ipv4Header(0xb8, p.end(), 42, 0, 1, p.protocol(), 0, p.source(), p.destination(),
                                null).encode(), UdpHeader.build(p.source(), p.destination(), p.sourcePort(),
                                p.destinationPort(), Arrays.copyOfRange(upper(p), UdpHeader.LENGTH, p.end() - p.upperOffset())))),
                new Sample("ipv6-icmp6-echo.hex",
                        "v6 hl 40 end 56 proto 58 at 40 named at 6 2001:db8::1 > 2001:db8::2 icmp 129 > 0 ipsec []",
                        "none", "v6 reply id 1234 seq 9 data 6a7365746b657921",
                        p -> concat(new Ipv6Header(0x10, 0x12345, p.end() - p.ipHeaderLength(), p.protocol(), 255,
                                p.source(), p.destination()).encode(),
                                IcmpEcho.fromPacket(p).encode(p.source(), p.destination()))),
                new Sample("ipv6-hbh-icmp6-echo.hex",
                        "v6 hl 40 end 64 proto 58 at 48 named at 40 2001:db8::1 > 2001:db8::2 icmp 128 > 0 ipsec []",
                        "none", "v6 request id 119 seq 3 data 6a7365746b657921",
                        p -> concat(Ipv6Header.of(p.source(), p.destination(), IpProtocol.HOPOPTS.number(),
                                p.end() - p.ipHeaderLength(), 64).encode(), between(p, p.ipHeaderLength(), p.upperOffset()),
                                IcmpEcho.fromPacket(p).encode(p.source(), p.destination()))),
                new Sample("ipv6-dstopt-esp.hex",
                        "v6 hl 40 end 72 proto 50 at 48 named at 40 2001:db8::1 > 2001:db8::2 ports 0 > 0 ipsec [50]",
                        "proto 50 spi 0x5001 at 48 named at 40", "none",
                        p -> IpPacket.build(p.source(), p.destination(), IpProtocol.DSTOPTS.number(),
                                between(p, p.ipHeaderLength(), p.end()), 0, 64)),
                new Sample("ipv6-ipcomp.hex",
                        "v6 hl 40 end 56 proto 108 at 40 named at 6 ::1 > ::2 ports 0 > 0 ipsec [108]",
                        "proto 108 spi 0x2000 at 40 named at 6", "none",
                        p -> IpPacket.build(p.source(), p.destination(), p.protocol(), upper(p), 0, 64)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theDatapathsReadersFindTheStoredFields(Sample s) throws Exception {
        byte[] bytes = StoredPacket.load(s.file()).bytes();
        Packet p = Packet.wrap(bytes).parse();
        assertAll(
                () -> assertEquals(s.walk(), walk(p, bytes)),
                () -> assertEquals(s.ipsec(), ipsec(IpsecHeaders.locate(p))),
                () -> assertEquals(s.echo(), echo(IcmpEcho.fromPacket(p))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theHeaderWritersWriteBackTheStoredBytes(Sample s) throws Exception {
        byte[] bytes = StoredPacket.load(s.file()).bytes();
        assertEquals(HexFormat.of().formatHex(bytes),
                HexFormat.of().formatHex(s.writer().write(Packet.wrap(bytes).parse())));
    }

    /** The keyless trace line, plain and verbose, is the one tcpdump printed for the stored packet. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theTracePrinterPrintsTheStoredTcpdumpLines(Sample s) throws Exception {
        StoredPacket stored = StoredPacket.load(s.file());
        assertAll(
                () -> assertEquals(stored.tcpdump(), new TcpdumpFormatter(false, ZoneOffset.UTC).format(stored.bytes())),
                () -> assertEquals(stored.tcpdumpVerbose(),
                        new TcpdumpFormatter(true, ZoneOffset.UTC).format(stored.bytes())));
    }

    /** The wrapped packet and a copy with head- and tailroom read the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aPacketInABufferWithRoomReadsTheSame(Sample s) throws Exception {
        byte[] bytes = StoredPacket.load(s.file()).bytes();
        Packet copy = Packet.copyOf(bytes).parse();
        assertEquals(s.walk(), walk(copy, bytes));
        assertArrayEquals(bytes, copy.toByteArray());
    }

    @Test
    void everyStoredPacketHasASample() throws Exception {
        Path dir = Path.of(HeaderCodecTest.class.getResource("/packets").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> stored = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".hex")).sorted()
                    .toList();
            assertEquals(stored, samples().stream().map(Sample::file).sorted().toList());
            assertEquals(stored, StoredPacket.NAMES.stream().sorted().toList());
        }
    }

    /** What the walk found, as the paths read it: offsets, addresses, ports (ICMP type and code), keyless IPsec chain. */
    private static String walk(Packet p, byte[] bytes) {
        return String.format("v%d hl %d end %d proto %d at %d named at %d %s > %s %s %d > %d ipsec %s", p.version(),
                p.ipHeaderLength(), p.end(), p.protocol(), p.upperOffset(), p.fieldOffset(), p.source(),
                p.destination(), p.icmp() ? "icmp" : "ports", p.sourcePort(), p.destinationPort(),
                p.view().visibleIpsecHeaders(bytes));
    }

    private static String ipsec(IpsecHeader h) {
        return h == null ? "none"
                : String.format("proto %d spi 0x%x at %d named at %d", h.protocol(), h.spi(), h.offset(), h.fieldOffset());
    }

    private static String echo(IcmpEcho e) {
        return e == null ? "none"
                : (e.v6() ? "v6 " : "v4 ") + (e.reply() ? "reply" : "request") + " id " + e.id() + " seq " + e.seq()
                        + " data " + HexFormat.of().formatHex(e.data());
    }

    /** The bytes behind the IP headers, up to the end the length field gives. */
    private static byte[] upper(Packet p) {
        return between(p, p.upperOffset(), p.end());
    }

    private static byte[] between(Packet p, int from, int to) {
        return Arrays.copyOfRange(p.buffer(), p.offset() + from, p.offset() + to);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] b : parts) {
            out = Arrays.copyOf(out, out.length + b.length);
            System.arraycopy(b, 0, out, out.length - b.length, b.length);
        }
        return out;
    }
}
