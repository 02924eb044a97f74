package org.jsetkey.engine.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.stack.Host;

/**
 * Two hosts on a loopback UDP link protecting everything between them with ESP aes-gcm-16 in
 * transport mode, both ways, and counting every drop either of them or their links report.
 */
final class LinkPair implements AutoCloseable {
    static final String SAS = String.join("\n",
            "add 192.0.2.10 198.51.100.20 esp 0x2001 -E aes-gcm-16 " + BenchSa.hexKey(20) + ";",
            "add 198.51.100.20 192.0.2.10 esp 0x2002 -E aes-gcm-16 " + BenchSa.hexKey(20) + ";", "");

    final Host sender = new Host("phoenix");
    final Host receiver = new Host("cardinal");
    private final AtomicLong drops = new AtomicLong();
    private final List<String> firstDrops = new ArrayList<>();

    LinkPair() throws Exception {
        this(SAS);
    }

    /** @param sas the SAs both hosts get: one from the sender to the receiver and one back */
    LinkPair(String sas) throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        sender.addAddress(BenchSa.SRC);
        receiver.addAddress(BenchSa.DST);
        sender.listen(loopback);
        receiver.listen(loopback);
        sender.addPeer(new Peer(receiver.link().localAddress(), List.of()));
        receiver.addPeer(new Peer(sender.link().localAddress(), List.of()));
        apply(sender, sas + policies("192.0.2.10", "198.51.100.20"));
        apply(receiver, sas + policies("198.51.100.20", "192.0.2.10"));
        for (Host h : List.of(sender, receiver)) {
            h.events().subscribe(e -> {
                if (e instanceof KeyEvent.Drop d) {
                    drops.incrementAndGet();
                    synchronized (firstDrops) {
                        if (firstDrops.size() < 3) {
                            firstDrops.add(h.name() + ": " + d.reason() + " " + d.explanation());
                        }
                    }
                }
            });
        }
    }

    private static String policies(String self, String peer) {
        return "spdadd " + self + " " + peer + " any -P out ipsec esp/transport//require;\n"
                + "spdadd " + peer + " " + self + " any -P in ipsec esp/transport//require;\n";
    }

    private static void apply(Host h, String text) {
        List<String> errors = new ArrayList<>();
        new Setkey(h.sad(), h.spd(), 0).run(text, "bench", new SetkeyListener() {
            @Override
            public void output(String t) {
            }

            @Override
            public void diagnostic(Diagnostic d) {
                if (d.severity() == Diagnostic.Severity.ERROR) {
                    errors.add(d.format());
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("bench link setup: " + errors);
        }
    }

    /** A UDP/IPv4 packet of {@code totalBytes} from the sender to the receiver's port 9 (discard). */
    static byte[] udpPacket(IpAddress src, IpAddress dst, int totalBytes) {
        byte[] udp = UdpHeader.build(src, dst, 40000, 9, new byte[totalBytes - 20 - UdpHeader.LENGTH]);
        byte[] head = Ipv4Header.of(src, dst, IpProtocol.UDP.number(), udp.length, 1, 64).encode();
        byte[] ip = java.util.Arrays.copyOf(head, head.length + udp.length);
        System.arraycopy(udp, 0, ip, head.length, udp.length);
        return ip;
    }

    /** Drops counted by either host, and by either link (datagrams from strangers, malformed, unroutable). */
    long losses() {
        long n = drops.get();
        for (Host h : List.of(sender, receiver)) {
            n += h.link().foreignDatagrams() + h.link().malformedDatagrams() + h.link().noRoute()
                    + h.link().sendFailures();
        }
        return n;
    }

    String firstDrops() {
        synchronized (firstDrops) {
            return String.join("; ", firstDrops);
        }
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }
}
