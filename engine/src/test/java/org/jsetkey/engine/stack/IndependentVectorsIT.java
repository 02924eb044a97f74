package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.PcapReader;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.stats.DropReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packets made by an independent IPsec implementation (scapy), fed to a host configured
 * with nothing but the matching setkey file: every one passes the whole input path
 * (SA lookup, ICV, decryption, inbound policy) and delivers an ICMP echo.
 */
class IndependentVectorsIT {
    @ParameterizedTest
    @ValueSource(strings = {"freebsd-howto", "aes-cbc-sha256", "aes-gcm", "tunnel-esp"})
    void everyPacketIsDeliveredAsAnIcmpEcho(String name) throws Exception {
        try (Host one = new Host("10.0.0.1"); Host two = new Host("10.0.0.2")) {
            List<IcmpEcho> echoes = new ArrayList<>();
            List<KeyEvent.Drop> drops = new ArrayList<>();
            for (Host h : List.of(one, two)) {
                h.addAddress(IpAddress.parse(h.name()));
                LabPair.load(h, resource(name + ".conf"));
                h.events().subscribe(e -> {
                    // the hosts answer the requests, but have no link to send the answers on
                    if (e instanceof KeyEvent.Drop d && d.reason() != DropReason.OUT_NO_ROUTE) {
                        drops.add(d);
                    }
                });
                h.onDelivered(d -> echoes.add(IcmpEcho.fromPacket(d.packet())));
            }
            List<byte[]> packets = packets(name + ".pcap");
            assertTrue(packets.size() >= 2, "vector file has packets");
            for (byte[] p : packets) {
                (one.isLocal(org.jsetkey.engine.net.IpPacket.destination(p)) ? one : two).receive(p);
            }
            assertEquals(List.of(), drops);
            assertEquals(packets.size(), echoes.size());
            for (IcmpEcho e : echoes) {
                assertTrue(e != null, "an ICMP echo inside");
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IndependentVectorsIT.class.getResourceAsStream("/vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<byte[]> packets(String name) throws IOException {
        try (InputStream in = IndependentVectorsIT.class.getResourceAsStream("/vectors/" + name)) {
            return PcapReader.read(in.readAllBytes()).records().stream().map(PcapReader.Record::data).toList();
        }
    }
}
