package org.jsetkey.engine.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.print.TcpdumpFormatter;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.RecordingListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.tool.Ping;
import org.jsetkey.engine.tool.PingOptions;
import org.jsetkey.engine.tool.PingResult;

/**
 * Phoenix and cardinal of the how-to, two hosts in one JVM on a loopback UDP link (each has
 * heard the other's announcement), with traces and events recorded.
 */
public final class LabPair implements AutoCloseable {
    static final IpAddress PHOENIX = IpAddress.parse("192.0.2.10");
    static final IpAddress CARDINAL = IpAddress.parse("198.51.100.20");
    static final IpAddress PHOENIX6 = IpAddress.parse("2001:db8:1::10");
    static final IpAddress CARDINAL6 = IpAddress.parse("2001:db8:2::20");

    /** The FreeBSD how-to configuration as seen from phoenix (cardinal mirrors the policies). */
    static final String HOWTO_SAS = String.join("\n",
            "flush;",
            "spdflush;",
            "add 192.0.2.10 198.51.100.20 ah 15700 -A hmac-md5 \"1234567890123456\";",
            "add 198.51.100.20 192.0.2.10 ah 24500 -A hmac-md5 \"1234567890123456\";",
            "add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"12345\";",
            "add 198.51.100.20 192.0.2.10 esp 24501 -E blowfish-cbc \"12345\";", "");

    public final Host phoenix = new Host("phoenix");
    public final Host cardinal = new Host("cardinal");
    final List<String> phoenixTrace = Collections.synchronizedList(new ArrayList<>());
    final RecordedEvents phoenixEvents = new RecordedEvents();
    final RecordedEvents cardinalEvents = new RecordedEvents();

    public LabPair() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        phoenix.addAddress(PHOENIX);
        phoenix.addAddress(PHOENIX6);
        cardinal.addAddress(CARDINAL);
        cardinal.addAddress(CARDINAL6);
        phoenix.listen(any);
        cardinal.listen(any);
        phoenix.addPeer(new Peer(cardinal.link().localAddress(), List.of()));
        cardinal.addPeer(new Peer(phoenix.link().localAddress(), List.of()));
        TcpdumpFormatter f = new TcpdumpFormatter(false, ZoneOffset.UTC);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((phoenix.link().announcedName(phoenix.link().peers().get(0)) == null
                || cardinal.link().announcedName(cardinal.link().peers().get(0)) == null)
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // the trace is of the datapath: the hosts' announcements (UDP to the control port) are left out
        phoenix.link().tap(p -> {
            if (!p.control()) {
                phoenixTrace.add(f.format(p.bytes()));
            }
        });
        phoenix.events().subscribe(phoenixEvents);
        cardinal.events().subscribe(cardinalEvents);
    }

    static SetkeyResult load(Host h, String text) {
        RecordingListener listener = new RecordingListener();
        SetkeyResult r = new Setkey(h.sad(), h.spd(), 1).run(text, "test.conf", listener);
        assertFalse(r.failed(), () -> String.join("\n", listener.errors().stream().map(Diagnostic::format).toList()));
        return r;
    }

    /** The how-to: SAs on both, each with its out policy and the mirrored in policy. */
    void howto(String level) {
        String p = "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//" + level + " ah/transport//"
                + level + ";\nspdadd 198.51.100.20 192.0.2.10 any -P in ipsec esp/transport//" + level
                + " ah/transport//" + level + ";\n";
        String c = "spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//" + level + " ah/transport//"
                + level + ";\nspdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//" + level
                + " ah/transport//" + level + ";\n";
        load(phoenix, HOWTO_SAS + p);
        load(cardinal, HOWTO_SAS + c);
    }

    PingResult ping(Host from, IpAddress to, int count) throws InterruptedException {
        return new Ping(from, new PingOptions(to, null, count, 20, 56, 1000, null)).run(r -> { });
    }

    List<KeyEvent.Drop> drops(RecordedEvents events) {
        return events.stream().filter(e -> e instanceof KeyEvent.Drop).map(e -> (KeyEvent.Drop) e).toList();
    }

    @Override
    public void close() {
        phoenix.close();
        cardinal.close();
    }
}
