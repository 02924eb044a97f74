package org.jsetkey.engine.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketScratch;

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

    /**
     * A reply as a ping sees it: the echo, who sent it, its TTL and arrival time, and its delivery
     * (the input path's: valid during the call, {@link Delivered#keep} what outlives it).
     */
    public record EchoReceived(IcmpEcho echo, IpAddress from, int ttl, long arrivalNanos, Delivered delivered) {
    }

    /** Registers for replies with this identifier; closing unregisters. */
    public AutoCloseable await(int id, Consumer<EchoReceived> consumer) {
        waiting.put(id, consumer);
        return () -> waiting.remove(id, consumer);
    }

    /**
     * Hands a reply to its ping; for a request, writes the reply to send into a packet of this
     * thread's {@link PacketScratch} (valid until the caller's mark is released) and returns it,
     * else null.
     */
    Packet handle(Delivered d) {
        Packet ip = d.view();
        Packet answer = PacketScratch.get().take();
        if (IcmpEcho.writeReply(ip, answer, nextIpId, TTL)) {
            return answer;
        }
        IcmpEcho echo = IcmpEcho.fromPacket(ip);
        if (echo == null || !echo.reply()) {
            return null;
        }
        Consumer<EchoReceived> c = waiting.get(echo.id());
        if (c != null) {
            int ttl = echo.v6() ? ip.u8(7) : ip.u8(8);
            c.accept(new EchoReceived(echo, ip.source(), ttl, System.nanoTime(), d));
        }
        return null;
    }
}
