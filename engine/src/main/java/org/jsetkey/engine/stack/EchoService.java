package org.jsetkey.engine.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Packet;

/**
 * ICMP/ICMPv6 echo: answers requests addressed to this host through the output path (so
 * replies are protected by policy too) and hands replies to the ping waiting for their id.
 */
public final class EchoService {
    private static final int TTL = 64;

    private final Map<Integer, Consumer<EchoReceived>> waiting = new ConcurrentHashMap<>();
    private final IntSupplier nextIpId;

    /** @param nextIpId the IPv4 identification for each reply this host originates */
    EchoService(IntSupplier nextIpId) {
        this.nextIpId = nextIpId;
    }

    /** A reply as a ping sees it: the echo, who sent it, its TTL and arrival time. */
    public record EchoReceived(IcmpEcho echo, IpAddress from, int ttl, long arrivalNanos, Delivered delivered) {
    }

    /** Registers for replies with this identifier; closing unregisters. */
    public AutoCloseable await(int id, Consumer<EchoReceived> consumer) {
        waiting.put(id, consumer);
        return () -> waiting.remove(id, consumer);
    }

    /** Hands a reply to its ping; returns the reply to send for a request, else null. */
    byte[] handle(Delivered d) {
        Packet ip = d.view();
        IcmpEcho echo = IcmpEcho.fromPacket(ip);
        if (echo == null) {
            return null;
        }
        IpAddress from = ip.source();
        IpAddress to = ip.destination();
        if (!echo.reply()) {
            return echo.toReply().toPacket(to, from, nextIpId.getAsInt(), TTL);
        }
        Consumer<EchoReceived> c = waiting.get(echo.id());
        if (c != null) {
            int ttl = echo.v6() ? ip.u8(7) : ip.u8(8);
            c.accept(new EchoReceived(echo, from, ttl, System.nanoTime(), d.keep()));
        }
        return null;
    }
}
