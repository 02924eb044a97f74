package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.UdpLink;
import org.junit.jupiter.api.Test;

/** {@code link.impair(...)} as a script writes it: named arguments become netem's words. */
class LinkViewImpairTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void namedArgumentsAreNetemWords() throws Exception {
        try (UdpLink link = new UdpLink(LOOPBACK); UdpLink other = new UdpLink(LOOPBACK)) {
            link.addPeer(new Peer(other.localAddress(), List.of()));
            LinkView view = new LinkView(link);
            String peer = "127.0.0.1:" + other.localAddress().getPort();
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("loss", 5);
            args.put("delay", 10);
            args.put("jitter", "500us");
            args.put("corrupt", new BigDecimal("0.1"));
            args.put("rate", "1mbit");
            args.put("seed", 1);
            assertEquals(peer + ": loss 5% delay 10ms 500us corrupt 0.1% rate 1mbit seed 1", view.impair(args));
            assertEquals(0, view.getImpaired().get(peer).counted());
            assertEquals(peer + ": duplicate 1% seed 2", view.impair(peer + " duplicate 1% seed 2"));
            assertEquals(peer + ": off", view.impair("off"));
            assertEquals(Map.of(), view.getImpaired());
            assertEquals("jitter needs a delay (delay: 10, jitter: 2)",
                    assertThrows(IllegalArgumentException.class, () -> view.impair(Map.of("jitter", 2))).getMessage());
            assertEquals("no peer sparrow (peers: " + peer + ")",
                    assertThrows(IllegalArgumentException.class, () -> view.impair("sparrow loss 1%")).getMessage());
        }
    }
}
