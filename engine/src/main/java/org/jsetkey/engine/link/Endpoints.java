package org.jsetkey.engine.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;

/**
 * Parsing of link socket addresses. A bare port means loopback (127.0.0.1); any other address
 * must be named: 0.0.0.0 or [::] (every local address), a LAN address, a peer on another machine.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /** {@code 127.0.0.1:7001}, {@code [::1]:7001}, {@code 0.0.0.0:7001}, {@code localhost:7001} or a bare port. */
    public static InetSocketAddress parse(String text) {
        return parse(text, 1);
    }

    /** A local endpoint to bind: as {@link #parse(String)}, and port 0 asks for any free port. */
    public static InetSocketAddress parseListen(String text) {
        return parse(text, 0);
    }

    private static InetSocketAddress parse(String text, int lowestPort) {
        String host = "127.0.0.1";
        String port = text;
        int colon = text.lastIndexOf(':');
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("link address: " + text + " (expected: HOST:PORT)");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else if (colon >= 0) {
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("link port: " + port + " (expected: " + lowestPort + "-65535)");
        }
        if (p < lowestPort || p > 65535) {
            throw new IllegalArgumentException("link port: " + p + " (expected: " + lowestPort + "-65535)");
        }
        InetAddress addr;
        if (host.equals("localhost")) {
            addr = InetAddress.getLoopbackAddress();
        } else {
            IpAddress ip = IpAddress.tryParse(host);
            if (ip == null) {
                throw new IllegalArgumentException("link host: " + host
                        + " (expected: an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0, [::1])");
            }
            try {
                addr = InetAddress.getByAddress(ip.bytes());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("link host: " + host, e);
            }
        }
        return new InetSocketAddress(addr, p);
    }

    public static Prefix parsePrefix(String text) {
        int slash = text.indexOf('/');
        IpAddress a = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return Prefix.host(a);
        }
        try {
            return new Prefix(a, Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefix length: " + text.substring(slash + 1)
                    + " (expected: 0-" + a.bitLength() + ")");
        }
    }

    public static String format(InetSocketAddress ep) {
        String host = IpAddress.of(ep.getAddress().getAddress()).format();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + ep.getPort();
    }
}
