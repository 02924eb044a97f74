package org.jsetkey.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import org.jsetkey.engine.xform.IpsecHeader;
import org.jsetkey.engine.xform.IpsecHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec contract every packet header class passes. Each sample is a packet stored under
 * {@code src/test/resources/packets} (hex; {@code #} lines say where it came from): the header
 * class reads from it the fields expected, and a class that writes headers writes, from what it
 * read, the very bytes that are stored.
 */
class HeaderCodecTest {

    /** How the contract reads one header class, shows its fields and (writer not null) writes. */
    record Codec<H>(String name, Reader<H> reader, Function<H, String> fields, Writer<H> writer) {
        boolean writes() {
            return writer != null;
        }

        String read(byte[] packet, int offset) throws Exception {
            return fields.apply(reader.read(packet, offset));
        }

        byte[] writeBack(byte[] packet, int offset) throws Exception {
            return writer.write(reader.read(packet, offset));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    interface Reader<H> {
        H read(byte[] packet, int offset) throws Exception;
    }

    /** What the class writes for a header it read. */
    interface Writer<H> {
        byte[] write(H header) throws Exception;
    }

    record Echo(IcmpEcho echo, IpAddress src, IpAddress dst) {
    }

    record Walk(IpView view, List<Integer> ipsec) {
    }

    private static final Codec<Ipv4Header> IPV4 = new Codec<>("Ipv4Header",
            (p, off) -> Ipv4Header.decode(from(p, off)),
            h -> String.format("tos 0x%x len %d id %d ff 0x%x ttl %d proto %d sum 0x%04x %s > %s", h.tos(),
                    h.totalLength(), h.id(), h.flagsFragment(), h.ttl(), h.protocol(), h.checksum(), h.src(), h.dst()),
            Ipv4Header::encode);

    private static final Codec<Ipv6Header> IPV6 = new Codec<>("Ipv6Header",
            (p, off) -> Ipv6Header.decode(from(p, off)),
            h -> String.format("class 0x%x flow 0x%x plen %d next %d hlim %d %s > %s", h.trafficClass(),
                    h.flowLabel(), h.payloadLength(), h.nextHeader(), h.hopLimit(), h.src(), h.dst()),
            Ipv6Header::encode);

    private static final Codec<UdpHeader> UDP = new Codec<>("UdpHeader",
            (p, off) -> UdpHeader.decode(from(p, off)),
            h -> String.format("%d > %d len %d sum 0x%04x", h.srcPort(), h.dstPort(), h.length(), h.checksum()),
            h -> {
                ByteBuffer b = ByteBuffer.allocate(UdpHeader.LENGTH);
                h.encodeTo(b);
                return b.array();
            });

    /** The checksum is checked on reading and written from the addresses of the packet. */
    private static final Codec<Echo> ICMP_ECHO = new Codec<>("IcmpEcho",
            (p, off) -> {
                IpAddress src = IpPacket.source(p);
                IpAddress dst = IpPacket.destination(p);
                return new Echo(IcmpEcho.decode(p, off, p.length - off, src.isV6(), src, dst), src, dst);
            },
            e -> (e.echo().v6() ? "v6 " : "v4 ") + (e.echo().reply() ? "reply" : "request") + " id " + e.echo().id()
                    + " seq " + e.echo().seq() + " data " + HexFormat.of().formatHex(e.echo().data()),
            e -> e.echo().encode(e.src(), e.dst()));

    /** The first AH, ESP or IPComp header as the datapath finds it; the transforms write these. */
    private static final Codec<IpsecHeader> IPSEC = new Codec<>("IpsecHeader",
            (p, off) -> IpsecHeaders.locate(p),
            h -> String.format("proto %d spi 0x%x at %d named at %d", h.protocol(), h.spi(), h.offset(),
                    h.fieldOffset()),
            null);

    /** The header walk: where the IP headers end and which IPsec headers a reader without keys sees. */
    private static final Codec<Walk> WALK = new Codec<>("IpView",
            (p, off) -> {
                IpView v = IpView.parse(p);
                return new Walk(v, v.visibleIpsecHeaders(p));
            },
            w -> String.format("v%d hl %d end %d proto %d at %d named at %d ipsec %s", w.view().version(),
                    w.view().ipHeaderLength(), w.view().end(), w.view().protocol(), w.view().offset(),
                    w.view().fieldOffset(), w.ipsec()),
            null);

    record Sample(Codec<?> codec, String file, int offset, String fields) {
        @Override
        public String toString() {
            return codec + " in " + file;
        }
    }

    static List<Sample> samples() {
        return List.of(
                new Sample(IPV4, "ipv4-ah-esp.hex", 0, "tos 0x0 len 132 id 1 ff 0x0 ttl 64 proto 51 sum 0x6644 10.0.0.1 > 10.0.0.2"),
                new Sample(IPV4, "ipv4-esp-gcm.hex", 0, "tos 0x0 len 120 id 1 ff 0x0 ttl 64 proto 50 sum 0x6651 10.0.0.1 > 10.0.0.2"),
                new Sample(IPV4, "ipv4-esp-tunnel.hex", 0, "tos 0x0 len 136 id 1 ff 0x0 ttl 64 proto 50 sum 0x6641 10.0.0.1 > 10.0.0.2"),
                new Sample(IPV4, "ipv4-icmp-echo.hex", 0, "tos 0x0 len 44 id 7 ff 0x4000 ttl 64 proto 1 sum 0x3cc7 127.0.0.1 > 127.0.0.2"),
                new Sample(IPV4, "ipv4-udp.hex", 0, "tos 0xb8 len 39 id 42 ff 0x0 ttl 1 proto 17 sum 0xbae1 127.0.0.1 > 127.0.0.2"),
                new Sample(IPV6, "ipv6-icmp6-echo.hex", 0, "class 0x10 flow 0x12345 plen 16 next 58 hlim 255 2001:db8::1 > 2001:db8::2"),
                new Sample(IPV6, "ipv6-ipcomp.hex", 0, "class 0x0 flow 0x0 plen 16 next 108 hlim 64 ::1 > ::2"),
                new Sample(UDP, "ipv4-udp.hex", 20, "40000 > 40001 len 19 sum 0x8d6e"),
                new Sample(ICMP_ECHO, "ipv4-icmp-echo.hex", 20, "v4 request id 4660 seq 1 data 000102030405060708090a0b0c0d0e0f"),
                new Sample(ICMP_ECHO, "ipv6-icmp6-echo.hex", 40, "v6 reply id 1234 seq 9 data 6a7365746b657921"),
                new Sample(IPSEC, "ipv4-ah-esp.hex", 20, "proto 51 spi 0x3d54 at 20 named at 9"),
                new Sample(IPSEC, "ipv4-esp-gcm.hex", 20, "proto 50 spi 0x3001 at 20 named at 9"),
                new Sample(IPSEC, "ipv4-esp-tunnel.hex", 20, "proto 50 spi 0x4001 at 20 named at 9"),
                new Sample(IPSEC, "ipv6-ipcomp.hex", 40, "proto 108 spi 0x2000 at 40 named at 6"),
                new Sample(WALK, "ipv4-ah-esp.hex", 0, "v4 hl 20 end 132 proto 51 at 20 named at 9 ipsec [51, 50]"),
                new Sample(WALK, "ipv4-esp-tunnel.hex", 0, "v4 hl 20 end 136 proto 50 at 20 named at 9 ipsec [50]"),
                new Sample(WALK, "ipv4-udp.hex", 0, "v4 hl 20 end 39 proto 17 at 20 named at 9 ipsec []"),
                new Sample(WALK, "ipv6-icmp6-echo.hex", 0, "v6 hl 40 end 56 proto 58 at 40 named at 6 ipsec []"),
                new Sample(WALK, "ipv6-ipcomp.hex", 0, "v6 hl 40 end 56 proto 108 at 40 named at 6 ipsec [108]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsTheFieldsOfTheStoredPacket(Sample s) throws Exception {
        assertEquals(s.fields(), s.codec().read(load(s.file()), s.offset()));
    }

    /** The samples of the header classes that write headers. */
    static List<Sample> writtenSamples() {
        return samples().stream().filter(s -> s.codec().writes()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenSamples")
    void writesBackTheStoredBytes(Sample s) throws Exception {
        byte[] packet = load(s.file());
        byte[] written = s.codec().writeBack(packet, s.offset());
        int end = Math.min(packet.length, s.offset() + written.length);
        assertArrayEquals(Arrays.copyOfRange(packet, s.offset(), end), written);
    }

    private static ByteBuffer from(byte[] packet, int offset) {
        return ByteBuffer.wrap(packet, offset, packet.length - offset);
    }

    /** The packet stored as {@code packets/NAME}. */
    static byte[] load(String name) throws IOException {
        try (InputStream in = HeaderCodecTest.class.getResourceAsStream("/packets/" + name)) {
            if (in == null) {
                throw new IOException("no stored packet " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            return HexFormat.of().parseHex(hex);
        }
    }
}
